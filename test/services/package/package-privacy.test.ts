/**
 * What the exported zip gives away (issue 13 items 10 and 12): no full ID or phone number inside
 * the findings of manifest.json and 报告.html, and the zip itself private to the user (0600).
 */
import { execFileSync } from 'node:child_process'
import { stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packCase } from '../../../electron/services/package/pack-case'
import { ManifestSchema } from '../../../shared/package/manifest'
import { cleanScratch, scratch, writeScannedCase, type FixtureDoc } from '../../support/pack-fixtures'
import { PRINCIPAL_ID, SAMPLE_DATE } from '../../support/sample-case'

const DOCS: FixtureDoc[] = [
  { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 1800, height: 1300, kind: 'licence' } },
  { doc: { file: 'scans/id.jpg', role: 'principal-id' }, scan: { width: 1000, height: 640, kind: 'id-front' } },
  { doc: { file: 'scans/m.jpg', role: 'manager-id', website: 0 }, scan: { width: 1000, height: 640, kind: 'id-front' } },
  { doc: { file: 'scans/d.jpg', role: 'domain-certificate', website: 0 }, scan: { width: 1240, height: 1754, kind: 'domain' } },
  { doc: { file: 'scans/l.jpg', role: 'commitment-letter' }, scan: { width: 1240, height: 1754, kind: 'letter' } },
]

/** The principal's ID with a wrong check character: a finding quotes it in full. */
const BAD_ID = `${PRINCIPAL_ID.slice(0, 17)}${PRINCIPAL_ID.endsWith('0') ? '1' : '0'}`
/** The manager given the principal's mobile: the duplicate-mobile finding quotes it. */
const SHARED_MOBILE = '13800138000'

let zip: string
let outDir: string

beforeAll(async () => {
  const folder = await writeScannedCase(DOCS, (c) => {
    c.principal.idNumber = BAD_ID
    c.principal.mobile = SHARED_MOBILE
    const manager = c.websites[0]?.manager
    if (manager) manager.mobile = SHARED_MOBILE
  })
  outDir = await scratch('icp-pack-privacy-')
  zip = path.join(outDir, 'pkg.zip')
  const outcome = await packCase(folder, { output: zip, today: SAMPLE_DATE, force: true })
  expect(outcome.refused).toBe(false)
  // The findings the CLI prints to the user do quote the values: the test is about the zip.
  const quoted = outcome.findings.map((f) => `${f.message} ${f.messageEn}`).join('\n')
  expect(quoted).toContain(BAD_ID)
  expect(quoted).toContain(SHARED_MOBILE)
}, 120_000)

afterAll(cleanScratch)

describe('the zip is private to the user', () => {
  it('is created 0600, also when it replaces a world-readable file', async () => {
    expect((await stat(zip)).mode & 0o777).toBe(0o600)
    const again = path.join(outDir, 'again.zip')
    await writeFile(again, 'older export', { mode: 0o644 })
    const folder = await writeScannedCase(DOCS)
    await packCase(folder, { output: again, today: SAMPLE_DATE })
    expect((await stat(again)).mode & 0o777).toBe(0o600)
  })
})

describe('the package keeps personal data out of its findings', () => {
  it('manifest.json quotes no full ID or phone number', () => {
    const text = execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })
    const manifest = ManifestSchema.parse(JSON.parse(text))
    expect(manifest.findings.some((f) => f.rule === 'principal-id-invalid' || f.message.includes('**********'))).toBe(true)
    expect(text).not.toContain(BAD_ID)
    expect(text).not.toContain(SHARED_MOBILE)
    expect(text).toContain(`${BAD_ID.slice(0, 4)}**********${BAD_ID.slice(-4)}`)
    expect(text).toContain('138****8000')
  })

  it('报告.html masks them in its findings, and keeps the form values the uploader types', () => {
    const html = execFileSync('unzip', ['-p', zip, '报告.html'], { encoding: 'utf8' })
    const findings = html.slice(html.indexOf('<ol class="findings">'), html.indexOf('</ol>', html.indexOf('<ol class="findings">')))
    expect(findings.length).toBeGreaterThan(100)
    expect(findings).not.toContain(BAD_ID)
    expect(findings).not.toContain(SHARED_MOBILE)
    expect(findings).toContain('138****8000')
    // The field table beside the scans: the value the person must type into the provider's form.
    expect(html.replace(findings, '')).toContain(BAD_ID)
  })
})
