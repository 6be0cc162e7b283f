/**
 * The scan-* rules: what was read from each scan (documents[i].extracted) compared with the form,
 * and the quality findings recorded at reading time, re-worded by `check`.
 */
import { describe, expect, it } from 'vitest'
import scanRules from '../../shared/data/rules/scans.json' with { type: 'json' }
import type { ExtractedDocument } from '../../shared/model/extracted'
import { parseCase } from '../../shared/model/case'
import { checkCase, type Finding } from '../../shared/rules/engine'
import { withFinding, withReadings } from '../support/extracted'
import { SAMPLE_DATE, sampleCase, type EditableCase } from '../support/sample-case'

/** A valid credit code of another company (GB 32100 check character correct). */
const OTHER_USCC = '91440300MA5FXK2L01'

function run(mutate: (c: EditableCase) => void = () => {}): Finding[] {
  const data = withReadings(sampleCase())
  mutate(data)
  const parsed = parseCase(data)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return checkCase(parsed.case, { today: SAMPLE_DATE, files: { exists: () => true } })
}

const reading = (c: EditableCase, role: string): ExtractedDocument => {
  const d = c.documents.find((x) => x.role === role)
  if (!d) throw new Error(role)
  return d.extracted as ExtractedDocument
}
const setReading = (c: EditableCase, role: string, next: ExtractedDocument): void => {
  const d = c.documents.find((x) => x.role === role)
  if (d) d.extracted = next
}
const editField = (c: EditableCase, role: string, field: string, value: string, confidence = 0.97): void => {
  const r = reading(c, role)
  setReading(c, role, { ...r, fields: { ...r.fields, [field]: { value, confidence } } })
}

const only = (findings: Finding[], rule: string): Finding[] => findings.filter((f) => f.rule === rule)

describe('scan rules on a case whose scans agree with the form', () => {
  it('report nothing', () => {
    expect(run().filter((f) => f.rule.startsWith('scan-'))).toEqual([])
  })
})

interface Case {
  readonly mutate: (c: EditableCase) => void
  readonly field: string
  readonly severity: Finding['severity']
  readonly text: RegExp
}

const CASES: Record<string, Case> = {
  'scan-name-mismatch': {
    mutate: (c) => editField(c, 'sponsor-certificate', 'entityName', '深圳市云帆科技有限公司'),
    field: 'sponsor.name',
    severity: 'error',
    text: /深圳市云帆科技有限公司/,
  },
  'scan-code-mismatch': {
    mutate: (c) => editField(c, 'sponsor-certificate', 'creditCode', '91440300MA5FXK2L0X'),
    field: 'sponsor.certificateNumber',
    severity: 'error',
    text: /91440300MA5FXK2L0X/,
  },
  'scan-legal-rep-mismatch': {
    mutate: (c) => editField(c, 'sponsor-certificate', 'legalRepresentative', '王大明'),
    field: 'sponsor.legalRepresentative',
    severity: 'error',
    text: /王大明/,
  },
  'scan-person-mismatch': {
    mutate: (c) => editField(c, 'manager-id', 'personName', '林小彤'),
    field: 'websites[0].manager.name',
    severity: 'error',
    text: /网站1的负责人.*林小彤/,
  },
  'scan-other-owner': {
    mutate: (c) => editField(c, 'principal-id', 'idNumber', '440106199602142468'),
    field: 'principal.idNumber',
    severity: 'error',
    text: /此证件不属于本案件.*440106199602142468/,
  },
  'scan-validity-mismatch': {
    mutate: (c) => editField(c, 'principal-id', 'validTo', '2039-06-03'),
    field: 'principal.idValidTo',
    severity: 'error',
    // Dates in Chinese messages as the documents print them.
    text: /2039年06月03日/,
  },
  'scan-domain-mismatch': {
    mutate: (c) => editField(c, 'domain-certificate', 'domain', 'yunfan.cn'),
    field: 'websites[0].domain',
    severity: 'error',
    text: /域名.*yunfan\.cn/,
  },
  'scan-not-colour': {
    mutate: (c) =>
      setReading(c, 'principal-id', withFinding({ ...reading(c, 'principal-id'), colour: false }, 'scan-not-colour', { share: '0.00%' })),
    field: 'documents[1]',
    severity: 'error',
    text: /扫描件「principal-id\.jpg」不是彩色扫描件/,
  },
  'scan-too-small': {
    mutate: (c) => setReading(c, 'manager-id', withFinding(reading(c, 'manager-id'), 'scan-too-small', { dpi: 120 })),
    field: 'documents[2]',
    severity: 'error',
    text: /约120 DPI/,
  },
  'scan-blurry': {
    mutate: (c) => setReading(c, 'sponsor-certificate', withFinding(reading(c, 'sponsor-certificate'), 'scan-blurry', { edge: '6.1' })),
    field: 'documents[0]',
    severity: 'warning',
    text: /模糊/,
  },
  'scan-glare': {
    mutate: (c) => setReading(c, 'sponsor-certificate', withFinding(reading(c, 'sponsor-certificate'), 'scan-glare', { share: '4.0%' })),
    field: 'documents[0]',
    severity: 'warning',
    text: /反光/,
  },
  'scan-cut-off': {
    mutate: (c) =>
      setReading(
        c,
        'sponsor-certificate',
        withFinding(reading(c, 'sponsor-certificate'), 'scan-cut-off', { edges: '右', edgesEn: 'right' }),
      ),
    field: 'documents[0]',
    severity: 'warning',
    text: /右边缘/,
  },
  'scan-unreadable': {
    mutate: (c) =>
      setReading(
        c,
        'domain-certificate',
        withFinding(reading(c, 'domain-certificate'), 'scan-unreadable', { reason: 'JPEG 文件已损坏或不完整', reasonEn: 'damaged' }),
      ),
    field: 'documents[3]',
    severity: 'error',
    text: /无法读取：JPEG 文件已损坏/,
  },
  'scan-electronic-document': {
    mutate: (c) => setReading(c, 'sponsor-certificate', withFinding(reading(c, 'sponsor-certificate'), 'scan-electronic-document')),
    field: 'documents[0]',
    severity: 'error',
    text: /电子文档/,
  },
  'scan-code-corrected': {
    mutate: (c) =>
      setReading(
        c,
        'sponsor-certificate',
        withFinding(reading(c, 'sponsor-certificate'), 'scan-code-corrected', {
          label: '统一社会信用代码',
          labelEn: 'credit code',
          raw: '9I440300MA5FXK2L9W',
          value: '91440300MA5FXK2L9W',
        }),
      ),
    field: 'documents[0]',
    severity: 'info',
    text: /校正/,
  },
  'scan-id-inconsistent': {
    mutate: (c) =>
      setReading(
        c,
        'principal-id',
        withFinding(reading(c, 'principal-id'), 'scan-id-inconsistent', { what: '出生日期', whatEn: 'birth date' }),
      ),
    field: 'documents[1]',
    severity: 'warning',
    text: /出生日期不一致/,
  },
}

describe.each(Object.entries(CASES))('%s', (rule, spec) => {
  it('fires with the document or field it is about', () => {
    const found = only(run(spec.mutate), rule)
    expect(found.map((f) => f.field)).toContain(spec.field)
    const f = found.find((x) => x.field === spec.field) as Finding
    expect(f.severity).toBe(spec.severity)
    expect(f.message).toMatch(spec.text)
    expect(f.message).not.toMatch(/\{\w+\}/)
    expect(f.messageEn).not.toMatch(/\{\w+\}/)
  })
})

describe('comparisons', () => {
  it('only warn when the scan’s value was not read with confidence', () => {
    const found = only(
      run((c) => editField(c, 'sponsor-certificate', 'entityName', '深圳市云帆科技有限公司', 0.5)),
      'scan-name-mismatch',
    )
    expect(found.map((f) => f.severity)).toEqual(['warning'])
  })

  it('ignore brackets, spaces and case the way people do', () => {
    const found = run((c) => {
      editField(c, 'sponsor-certificate', 'entityName', '深圳市云帆网络科技有限公司 ')
      editField(c, 'domain-certificate', 'domain', 'YUNFAN-TECH.CN')
    })
    expect(found.filter((f) => f.rule.startsWith('scan-'))).toEqual([])
  })

  it('leave out a value a person marked as misread, and compare it again once unmarked', () => {
    const misread = (mark: boolean) =>
      only(
        run((c) => {
          const r = reading(c, 'sponsor-certificate')
          const name = { value: '测州市云帆科技有限公司', confidence: 0.97, ...(mark ? { misread: true } : {}) }
          setReading(c, 'sponsor-certificate', { ...r, fields: { ...r.fields, entityName: name } })
        }),
        'scan-name-mismatch',
      )
    expect(misread(true)).toEqual([])
    expect(misread(false).map((f) => f.severity)).toEqual(['error'])
  })

  it('compare ID numbers with the right person only', () => {
    // A number failing its check character: a misreading, compared field by field (a valid other
    // number is another person's card: scan-other-owner below).
    const found = only(
      run((c) => editField(c, 'principal-id', 'idNumber', '440106199602142469')),
      'scan-person-mismatch',
    )
    expect(found.map((f) => f.field)).toEqual(['principal.idNumber'])
  })

  it('skip documents that were never read or whose reading has an unknown shape', () => {
    const found = run((c) => {
      for (const d of c.documents) d.extracted = { version: 99 }
    })
    expect(found.filter((f) => f.rule.startsWith('scan-'))).toEqual([])
  })

  it('are all in the catalogue with their messages', () => {
    expect(scanRules.rules.map((r) => r.code).sort()).toEqual([...Object.keys(CASES)].sort())
  })
})

describe('another customer’s document (issue 14.5)', () => {
  const otherLicence = (c: EditableCase): void => {
    const r = reading(c, 'sponsor-certificate')
    setReading(c, 'sponsor-certificate', {
      ...r,
      fields: {
        ...r.fields,
        entityName: { value: '深圳市别家贸易有限公司', confidence: 0.97 },
        creditCode: { value: OTHER_USCC, confidence: 0.97 },
        legalRepresentative: { value: '王大明', confidence: 0.97 },
        validTo: { value: '2040-01-01', confidence: 0.97 },
      },
    })
  }

  it('is one error instead of one per field', () => {
    const scan = run(otherLicence).filter((f) => f.rule.startsWith('scan-'))
    expect(scan.map((f) => f.rule)).toEqual(['scan-other-owner'])
    expect(scan[0]?.message).toMatch(/此证件不属于本案件主办单位/)
    expect(scan[0]?.document).toBe(0)
  })

  it('needs a surely read code: an unsure one keeps the field-by-field questions', () => {
    const scan = run((c) => {
      otherLicence(c)
      editField(c, 'sponsor-certificate', 'creditCode', OTHER_USCC, 0.6)
    }).filter((f) => f.rule.startsWith('scan-'))
    expect(scan.map((f) => f.rule)).not.toContain('scan-other-owner')
    expect(scan.map((f) => f.rule)).toContain('scan-name-mismatch')
  })

  it('is not claimed when the form’s own code fails its check character (a typo in the form)', () => {
    const scan = run((c) => {
      otherLicence(c)
      c.sponsor.certificateNumber = `${OTHER_USCC.slice(0, 17)}${OTHER_USCC.endsWith('0') ? '1' : '0'}`
    }).filter((f) => f.rule === 'scan-other-owner')
    expect(scan).toEqual([])
  })
})

describe('drifts fixed by the one scan↔form table', () => {
  it('compares a licence’s start of validity, which the review offers (it was never compared)', () => {
    const found = only(
      run((c) => editField(c, 'sponsor-certificate', 'validFrom', '2001-02-03')),
      'scan-validity-mismatch',
    )
    expect(found.map((f) => f.field)).toEqual(['sponsor.certificateValidFrom'])
  })

  it('treats a repaired code as a question, as the review does (it was an error)', () => {
    const found = only(
      run((c) => {
        const r = reading(c, 'sponsor-certificate')
        const code = { value: '91440300MA5FXK2L0X', confidence: 0.97, corrected: { from: '91440300MA5FXK2LOX', changes: [] } }
        setReading(c, 'sponsor-certificate', { ...r, fields: { ...r.fields, creditCode: code } })
      }),
      'scan-code-mismatch',
    )
    expect(found.map((f) => f.severity)).toEqual(['warning'])
  })
})
