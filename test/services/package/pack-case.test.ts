/**
 * packCase end to end on realistic scans (4000×3000 phone photos of several MB with EXIF and GPS,
 * one sideways; an A4 scan): every package is unzipped with the standard `unzip` tool and checked —
 * names, sizes under each provider's limit, colour kept, no EXIF, hashes matching the manifest.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packCase, PackError, type PackProgress } from '../../../electron/services/package/pack-case'
import { ManifestSchema, type Manifest } from '../../../shared/package/manifest'
import { findProvider, packageData, type ProviderProfile } from '../../../shared/package/package-data'
import { cleanScratch, scratch, writeScannedCase, type FixtureDoc } from '../../support/pack-fixtures'
import { chromaFraction, jpegHeaderMarkers } from '../../support/scan-images'
import { SAMPLE_DATE } from '../../support/sample-case'

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** The case under test: a licence photo, a sideways ID front and its back, one small ID, a domain certificate, the letter. */
const DOCS: FixtureDoc[] = [
  { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 4000, height: 3000, kind: 'licence' } },
  { doc: { file: 'scans/id-front.jpg', role: 'principal-id' }, scan: { width: 4000, height: 3000, kind: 'id-front', orientation: 6 } },
  { doc: { file: 'scans/id-back.jpg', role: 'principal-id' }, scan: { width: 3000, height: 2000, kind: 'id-back' } },
  {
    doc: { file: 'scans/manager.jpg', role: 'manager-id', website: 0 },
    scan: { width: 1600, height: 2100, kind: 'id-front', quality: 85 },
  },
  {
    doc: { file: 'scans/domain.jpg', role: 'domain-certificate', website: 0 },
    scan: { width: 1240, height: 1754, kind: 'domain', noise: 6, quality: 90 },
  },
  { doc: { file: 'scans/letter.jpg', role: 'commitment-letter' }, scan: { width: 2480, height: 3508, kind: 'letter' } },
]

let folder: string
let out: string

beforeAll(async () => {
  folder = await writeScannedCase(DOCS)
  out = await scratch('icp-pack-out-')
}, 120_000)

interface Unpacked {
  dir: string
  names: string[]
  manifest: Manifest
}

function unpack(zip: string): Unpacked {
  const dir = `${zip}.d`
  execFileSync('unzip', ['-q', '-o', zip, '-d', dir])
  const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
  const manifest = ManifestSchema.parse(JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })))
  return { dir, names, manifest }
}

afterAll(cleanScratch)

describe('packCase', () => {
  for (const name of ['huawei', 'tencent', 'aliyun', 'generic']) {
    it(`packs for ${name}: upload names, under the size limit, colour kept, no EXIF, hashes as in the manifest`, async () => {
      const provider = findProvider(name) as ProviderProfile
      const zip = path.join(out, `${name}.zip`)
      const outcome = await packCase(folder, { output: zip, provider: name, today: SAMPLE_DATE })
      expect(outcome).toMatchObject({ ready: true, refused: false, output: zip, date: SAMPLE_DATE })
      expect(outcome.findings).toEqual([])
      const { dir, names, manifest } = unpack(zip)
      const idNames = provider.idBothSidesOneImage
        ? ['02_主体负责人_身份证.jpg']
        : ['02_主体负责人_身份证_1.jpg', '03_主体负责人_身份证_2.jpg']
      const n = idNames.length
      expect(names).toEqual([
        '01_主办单位证件_营业执照.jpg',
        ...idNames,
        `0${2 + n}_网站1_负责人_身份证.jpg`,
        `0${3 + n}_网站1_域名证书_yunfan-tech.cn.jpg`,
        `0${4 + n}_广东承诺书.jpg`,
        '报告.html',
        'manifest.json',
      ])
      expect(manifest).toMatchObject({ ready: true, forced: false, submissionDate: SAMPLE_DATE, provider: { name } })
      expect(manifest.files.map((f) => f.name)).toEqual(names.slice(0, -1))
      for (const f of manifest.files) {
        const data = await readFile(path.join(dir, f.name))
        expect(sha256(data), f.name).toBe(f.sha256)
        expect(data.length, f.name).toBe(f.bytes)
        if (f.mediaType !== 'image/jpeg') continue
        expect(data.length, f.name).toBeLessThanOrEqual(provider.maxBytes)
        expect(
          jpegHeaderMarkers(data).filter((m) => m !== 'APP0' && m !== 'APP2' && m !== 'APP14'),
          f.name,
        ).toEqual([])
        const meta = await sharp(data).metadata()
        expect(meta.exif, f.name).toBeUndefined()
        expect([meta.width, meta.height, meta.format], f.name).toEqual([f.width, f.height, 'jpeg'])
        expect(Math.max(meta.width, meta.height), f.name).toBeLessThanOrEqual(provider.maxLongSidePx)
        // Colour kept: the coloured share stays close to the source's.
        const source = await readFile(path.join(folder, f.sources[0]?.file ?? ''))
        expect(await chromaFraction(data), f.name).toBeGreaterThan((await chromaFraction(source)) * 0.5)
        // Never below the slot's floor (or the original, when smaller).
        const originalLong = Math.max(...f.sources.map((s) => Math.max(s.width ?? 0, s.height ?? 0)))
        const floor = f.role === 'sponsor-certificate' ? 2480 : 1754
        if (!f.processing.combined) expect(Math.max(meta.width, meta.height), f.name).toBeGreaterThanOrEqual(Math.min(originalLong, floor))
      }
      const licence = manifest.files[0]
      expect(licence?.sources[0]).toMatchObject({ file: 'scans/licence.jpg', width: 4000, height: 3000 })
      expect((licence?.sources[0]?.bytes ?? 0) > 3_000_000).toBe(true)
      // The sideways front is upright: landscape on its own, or stacked at the landscape aspect.
      const id = manifest.files[1]
      expect(id?.processing.rotated).toBe(true)
      if (provider.idBothSidesOneImage) {
        expect(id?.processing.combined).toBe(true)
        expect((id?.width ?? 0) / (id?.height ?? 1)).toBeCloseTo(3240 / 4610, 2)
      } else expect([id?.width, id?.height]).toEqual([4000, 3000])
      const minimum = provider.minBytesByRole['domain-certificate'] ?? 0
      const domain = manifest.files.find((f) => f.role === 'domain-certificate')
      expect(domain?.bytes ?? 0).toBeGreaterThanOrEqual(minimum)
    }, 60_000)
  }

  it('is byte-identical for the same inputs and date', async () => {
    const a = path.join(out, 'same-a.zip')
    const b = path.join(out, 'same-b.zip')
    await packCase(folder, { output: a, provider: 'tencent', date: '2026-12-01' })
    await packCase(folder, { output: b, provider: 'tencent', date: '2026-12-01' })
    expect(sha256(await readFile(a))).toBe(sha256(await readFile(b)))
    const later = path.join(out, 'later.zip')
    await packCase(folder, { output: later, provider: 'tencent', date: '2026-12-02' })
    expect(sha256(await readFile(later))).not.toBe(sha256(await readFile(a)))
  }, 60_000)

  it('reports progress that only grows and ends at 1, and returns the export record for case.json', async () => {
    const events: PackProgress[] = []
    const zip = path.join(out, 'progress.zip')
    const outcome = await packCase(folder, {
      output: zip,
      provider: 'huawei',
      onProgress: (p) => events.push(p),
      now: () => new Date('2026-11-30T08:00:00Z'),
    })
    const fractions = events.map((e) => e.fraction)
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y))
    expect(events.at(-1)).toMatchObject({ phase: 'done', fraction: 1 })
    expect(events.filter((e) => e.phase === 'images').map((e) => e.done)).toEqual([1, 2, 3, 4, 5])
    expect(outcome.exportRecord).toEqual({
      at: '2026-11-30T08:00:00.000Z',
      file: zip,
      provider: 'huawei',
      ready: true,
      submissionDate: SAMPLE_DATE,
      sha256: sha256(await readFile(zip)),
    })
  }, 60_000)

  it('stops when aborted, leaving neither the zip nor a partial file', async () => {
    const dir = await scratch('icp-pack-abort-')
    const controller = new AbortController()
    const run = packCase(folder, {
      output: path.join(dir, 'pkg.zip'),
      provider: 'tencent',
      signal: controller.signal,
      onProgress: (p) => p.phase === 'images' && controller.abort(new Error('user cancelled')),
    })
    await expect(run).rejects.toThrow('user cancelled')
    expect(await readdir(dir)).toEqual([])
  }, 60_000)
})

describe('packCase refusals and packaging problems', () => {
  it('refuses a case with errors and writes nothing; --force writes it marked NOT ready', async () => {
    const small = await writeScannedCase(
      [
        { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 1800, height: 1300, kind: 'licence' } },
        { doc: { file: 'scans/id.jpg', role: 'principal-id' }, scan: { width: 1000, height: 640, kind: 'id-front' } },
        { doc: { file: 'scans/m.jpg', role: 'manager-id', website: 0 }, scan: { width: 1000, height: 640, kind: 'id-front' } },
        { doc: { file: 'scans/d.jpg', role: 'domain-certificate', website: 0 }, scan: { width: 1240, height: 1754, kind: 'domain' } },
        { doc: { file: 'scans/l.jpg', role: 'commitment-letter' }, scan: { width: 1240, height: 1754, kind: 'letter' } },
      ],
      (c) => void (c.principal.idValidTo = '2027-01-15'),
    )
    const dir = await scratch('icp-pack-refuse-')
    const zip = path.join(dir, 'pkg.zip')
    await writeFile(zip, 'the previous export')
    const refused = await packCase(small, { output: zip })
    expect(refused).toMatchObject({ ready: false, refused: true, output: null, manifest: null, exportRecord: null })
    expect(refused.findings.map((f) => f.rule)).toContain('id-expires-soon')
    expect(await readFile(zip, 'utf8')).toBe('the previous export')
    expect(await readdir(dir)).toEqual(['pkg.zip'])

    const forced = await packCase(small, { output: zip, force: true })
    expect(forced).toMatchObject({ ready: false, refused: false, output: zip })
    const { manifest, dir: unpacked } = unpack(zip)
    expect(manifest).toMatchObject({ ready: false, forced: true })
    expect(manifest.counts.error).toBeGreaterThan(0)
    expect(manifest.findings.map((f) => f.rule)).toContain('id-expires-soon')
    const report = await readFile(path.join(unpacked, '报告.html'), 'utf8')
    expect(report).toContain('未就绪')
    expect(report).toContain('--force')
    expect(forced.exportRecord?.ready).toBe(false)
  }, 60_000)

  it('报告.html carries the normalised values, not the typed slips (issue 14 item 4)', async () => {
    const typed = await writeScannedCase(
      [
        { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 1800, height: 1300, kind: 'licence' } },
        { doc: { file: 'scans/id.jpg', role: 'principal-id' }, scan: { width: 1000, height: 640, kind: 'id-front' } },
        { doc: { file: 'scans/m.jpg', role: 'manager-id', website: 0 }, scan: { width: 1000, height: 640, kind: 'id-front' } },
        { doc: { file: 'scans/d.jpg', role: 'domain-certificate', website: 0 }, scan: { width: 1240, height: 1754, kind: 'domain' } },
        { doc: { file: 'scans/l.jpg', role: 'commitment-letter' }, scan: { width: 1240, height: 1754, kind: 'letter' } },
      ],
      (c) => {
        c.principal.mobile = '１３８ ００１３ ８０００'
        c.principal.email = 'chen.siyuan@yunfan-tech。cn'
        const site = c.websites[0] as { domain: string | null }
        site.domain = 'http://yunfan-tech.cn./'
      },
    )
    const zip = path.join(await scratch('icp-pack-normal-'), 'pkg.zip')
    await packCase(typed, { output: zip, force: true })
    const { dir: unpacked } = unpack(zip)
    const report = await readFile(path.join(unpacked, '报告.html'), 'utf8')
    expect(report).toContain('13800138000')
    expect(report).toContain('chen.siyuan@yunfan-tech.cn')
    expect(report).not.toContain('１３８')
    expect(report).not.toContain('yunfan-tech。cn')
    expect(report).not.toContain('http://yunfan-tech.cn')
  }, 60_000)

  it('names each scan it cannot pack, and why', async () => {
    const tiny = await sharp({ create: { width: 400, height: 260, channels: 3, background: '#c8d8e8' } })
      .jpeg()
      .toBuffer()
    const page = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#f0e8d8' } })
      .png()
      .toBuffer()
    const folder2 = await writeScannedCase([
      { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 1800, height: 1300, kind: 'licence' } },
      { doc: { file: 'scans/id.jpg', role: 'principal-id' }, scan: { width: 1000, height: 640, kind: 'id-front' } },
      { doc: { file: 'scans/m.jpg', role: 'manager-id', website: 0 }, scan: { width: 1000, height: 640, kind: 'id-front' } },
      { doc: { file: 'scans/d.jpg', role: 'domain-certificate', website: 0 }, scan: { width: 1240, height: 1754, kind: 'domain' } },
      { doc: { file: 'scans/letter.pdf', role: 'commitment-letter' }, scan: { width: 10, height: 10 } },
    ])
    const write = (name: string, data: Buffer) => writeFile(path.join(folder2, 'scans', name), data)
    const { PDFDocument } = await import('@cantoo/pdf-lib')
    const pdf = await PDFDocument.create()
    pdf.addPage([595, 842]).drawImage(await pdf.embedJpg(tiny), { x: 0, y: 0, width: 400, height: 260 })
    await write('letter.pdf', Buffer.from(await pdf.save()))
    await write('tiny.jpg', tiny)
    await write('broken.jpg', (await readFile(path.join(folder2, 'scans', 'licence.jpg'))).subarray(0, 5000))
    await write('photo.heic', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]))
    await write(
      'pages.tif',
      await sharp([page, page], { join: { animated: true } })
        .tiff()
        .toBuffer(),
    )
    const data = JSON.parse(await readFile(path.join(folder2, 'case.json'), 'utf8'))
    data.documents.push(
      { file: 'scans/tiny.jpg', role: 'residence-permit' },
      { file: 'scans/broken.jpg', role: 'other', keep: true },
      { file: 'scans/photo.heic', role: 'other', keep: true },
      { file: 'scans/pages.tif', role: 'authorisation-letter' },
    )
    await writeFile(path.join(folder2, 'case.json'), JSON.stringify(data))
    const zip = path.join(out, 'problems.zip')
    const outcome = await packCase(folder2, { output: zip, provider: 'generic' })
    expect(outcome.refused).toBe(true)
    const byRule = (rule: string) => outcome.findings.filter((f) => f.rule === rule)
    // The scanner PDF's page is converted (by intake) into the letter's JPEG; its 400 px image is low-res.
    expect(byRule('package-image-low-resolution').map((f) => f.document)).toContain(4)
    expect(byRule('package-image-low-resolution')[0]).toMatchObject({ severity: 'warning', document: 5 })
    expect(byRule('package-image-unreadable')[0]?.message).toContain('scans/broken.jpg')
    // A HEIC container with nothing in it: refused with intake's reason, in both languages.
    const heic = byRule('package-image-unreadable').find((f) => f.message.includes('scans/photo.heic'))
    expect(heic?.message).toContain('HEIC 照片已损坏或不完整')
    expect(heic?.messageEn).toContain('the HEIC photo is damaged or incomplete')
    expect(byRule('package-extra-pages-ignored')[0]).toMatchObject({ severity: 'warning', document: 8 })

    // A provider that takes PDF gets the signed letter as a PDF, metadata removed.
    const pdfProvider: ProviderProfile = { ...(findProvider('huawei') as ProviderProfile), name: 'pdf-test', acceptsPdf: true }
    const edited = { ...data, documents: data.documents.slice(0, 5) }
    await writeFile(path.join(folder2, 'case.json'), JSON.stringify(edited))
    const withPdf = await packCase(folder2, { output: zip, provider: pdfProvider })
    expect(withPdf.ready).toBe(true)
    const letter = withPdf.manifest?.files.find((f) => f.role === 'commitment-letter')
    expect(letter).toMatchObject({ name: '05_广东承诺书.pdf', mediaType: 'application/pdf', width: null })
    expect(unpack(zip).names).toContain('05_广东承诺书.pdf')
  }, 60_000)

  it('refuses an image that cannot meet the size limit above the resolution floor; warns when below a minimum size', async () => {
    const folder3 = await writeScannedCase([
      { doc: { file: 'scans/licence.jpg', role: 'sponsor-certificate' }, scan: { width: 3000, height: 2250, kind: 'licence' } },
      { doc: { file: 'scans/id.jpg', role: 'principal-id' }, scan: { width: 1000, height: 640, kind: 'id-front' } },
      { doc: { file: 'scans/m.jpg', role: 'manager-id', website: 0 }, scan: { width: 1000, height: 640, kind: 'id-front' } },
      {
        doc: { file: 'scans/d.jpg', role: 'domain-certificate', website: 0 },
        scan: { width: 900, height: 600, kind: 'domain', noise: 0, quality: 70 },
      },
      { doc: { file: 'scans/l.jpg', role: 'commitment-letter' }, scan: { width: 1240, height: 1754, kind: 'letter' } },
    ])
    const strict: ProviderProfile = { ...(findProvider('generic') as ProviderProfile), name: 'strict-test', maxBytes: 250_000 }
    const outcome = await packCase(folder3, { output: path.join(out, 'strict.zip'), provider: strict })
    const cannot = outcome.findings.find((f) => f.rule === 'package-image-cannot-fit')
    expect(cannot).toMatchObject({ severity: 'error', document: 0 })
    expect(cannot?.message).toContain('01_主办单位证件_营业执照.jpg')
    expect(cannot?.message).toContain('2480')
    const aliyun = await packCase(folder3, { output: path.join(out, 'aliyun-min.zip'), provider: 'aliyun' })
    expect(aliyun.ready).toBe(true)
    expect(aliyun.findings.filter((f) => f.rule === 'package-file-below-minimum').map((f) => f.severity)).toEqual(['warning'])
  }, 60_000)

  it('says plainly what is wrong with the case, the provider or the output path', async () => {
    const missing = path.join(out, 'no-such-case')
    const reasons = async (run: Promise<unknown>) =>
      run.then(() => 'ok').catch((e: unknown) => (e instanceof PackError ? e.reason : String(e)))
    expect(await reasons(packCase(missing, { output: path.join(out, 'x.zip') }))).toBe('case-unreadable')
    expect(await reasons(packCase(folder, { output: path.join(out, 'x.zip'), provider: 'nope' }))).toBe('unknown-provider')
    expect(await reasons(packCase(folder, { output: path.join(out, 'no-dir', 'x.zip') }))).toBe('bad-output')
    expect(await reasons(packCase(folder, { output: out }))).toBe('bad-output')
    expect(await reasons(packCase(folder, { output: path.join(folder, 'case.json') }))).toBe('bad-output')
    expect(await reasons(packCase(folder, { output: path.join(folder, 'scans', 'licence.jpg') }))).toBe('bad-output')
    expect(packageData().providers.length).toBeGreaterThanOrEqual(4)
  })
})
