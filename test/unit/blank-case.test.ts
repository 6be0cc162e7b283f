/** A new case is blank until something is typed or a scan added (issue 14 item 16). */
import { describe, expect, it } from 'vitest'
import { CaseSchema } from '../../shared/model/case'
import { isBlankCase } from '../../shared/review/blank-case'
import { sampleCase } from '../support/sample-case'

describe('isBlankCase', () => {
  const fresh = () => CaseSchema.parse({ schemaVersion: 1, filingType: '首次备案', websites: [{}], updatedAt: '2026-12-01T00:00:00Z' })

  it('holds for what 新建案件 writes, and for nothing else', () => {
    expect(isBlankCase(fresh())).toBe(true)
    expect(isBlankCase({ ...fresh(), province: '广东' })).toBe(false)
    const typed = fresh()
    expect(isBlankCase({ ...typed, websites: [{ ...typed.websites[0]!, manager: { ...typed.websites[0]!.manager, mobile: '1' } }] })).toBe(
      false,
    )
    expect(isBlankCase({ ...fresh(), documents: [{ file: 'scans/a.jpg', role: 'other' }] })).toBe(false)
    expect(isBlankCase(CaseSchema.parse(sampleCase()))).toBe(false)
    // Typed, then cleared again: blank once more (a space is not a value).
    expect(isBlankCase({ ...fresh(), remark: '  ' })).toBe(true)
  })
})
