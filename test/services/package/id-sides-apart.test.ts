/**
 * Profiles that want the ID sides apart (腾讯云, 阿里云) get them apart: the sample's A4 scan of
 * both sides is cut by the card finder into 人像面 and 国徽面, each its own card-shaped image; a
 * scan whose cards cannot be found is a packaging error naming it (issue 14 item 3).
 */
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { packCase } from '../../../electron/services/package/pack-case'

const SAMPLE = path.resolve(import.meta.dirname, '../../../resources/sample-case')
/**
 * The stored reading of the sample's both-sides scans as the pipeline writes it: both sides, and
 * the ID number's box on the upper card (PP-OCR: x 1314, y 973 of 2480 × 3508).
 */
const reading = {
  version: 1,
  kind: 'id-card',
  colour: true,
  image: { width: 2480, height: 3508 },
  fields: { idNumber: { value: '440704200205240756', confidence: 0.99, box: { x: 1314, y: 973, width: 525, height: 37 } } },
  findings: [],
  sides: ['front', 'back'],
}

/** Share of dark-grey pixels in the right third: the 人像面's photo silhouette sits there, the 国徽面 has none. */
async function darkShareRight(jpg: Buffer): Promise<number> {
  const { data, info } = await sharp(jpg).greyscale().resize(300).raw().toBuffer({ resolveWithObject: true })
  let dark = 0
  let all = 0
  for (let y = 0; y < info.height; y += 1)
    for (let x = Math.floor((info.width * 2) / 3); x < info.width; x += 1) {
      all += 1
      if ((data[y * info.width + x] ?? 255) < 170) dark += 1
    }
  return dark / all
}

async function sampleFolder(swap?: { role: string; file: string }): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'icp-sides-'))
  await cp(SAMPLE, folder, { recursive: true })
  const data = JSON.parse(await readFile(path.join(folder, 'case.json'), 'utf8')) as {
    documents: Array<Record<string, unknown>>
    principal: { idNumber: string }
    websites: Array<{ manager: { idNumber: string } }>
  }
  for (const d of data.documents) {
    if (d.role !== 'principal-id' && d.role !== 'manager-id') continue
    // Each scan reads its own person's number (another person's would make it another owner's scan).
    const own = d.role === 'principal-id' ? data.principal.idNumber : (data.websites[0]?.manager.idNumber ?? '')
    d.extracted = { ...reading, fields: { idNumber: { ...reading.fields.idNumber, value: own } } }
    if (swap && d.role === swap.role) d.file = swap.file
  }
  await writeFile(path.join(folder, 'case.json'), JSON.stringify(data))
  return folder
}

describe('ID sides apart for the profiles that want them', () => {
  it('腾讯云: each both-sides scan becomes a 人像面 and a 国徽面 image of one card each', async () => {
    const folder = await sampleFolder()
    const zip = path.join(folder, 'out.zip')
    const r = await packCase(folder, { output: zip, provider: 'tencent', today: '2026-12-01', force: true })
    expect(r.findings.filter((f) => f.rule === 'package-id-sides-not-found')).toEqual([])
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    const sides = names.filter((n) => /身份证.*_(人像面|国徽面)\.jpg$/.test(n))
    expect(sides).toHaveLength(4)
    expect(names.some((n) => n.includes('正反面'))).toBe(false)
    const bytes: Buffer[] = []
    for (const n of sides) {
      const data = execFileSync('unzip', ['-p', zip, n], { maxBuffer: 64 << 20 })
      bytes.push(data)
      const meta = await sharp(data).metadata()
      const aspect = (meta.width ?? 0) / (meta.height ?? 1)
      expect(aspect, n).toBeGreaterThan(1.4) // an ID card is 85.6 × 54 mm (1.59), not an A4 page (0.71)
      expect(aspect, n).toBeLessThan(1.8)
    }
    // Two different cards, not one card twice; the 人像面 is the one holding the ID number the reading found.
    expect(bytes[0]?.equals(bytes[1] as Buffer)).toBe(false)
    const portrait = sides.filter((n) => n.includes('人像面'))
    expect(portrait).toHaveLength(2)
    expect(await darkShareRight(bytes[sides.indexOf(portrait[0] as string)] as Buffer)).toBeGreaterThan(
      await darkShareRight(bytes[sides.indexOf(sides.find((n) => n.includes('国徽面')) as string)] as Buffer),
    )
  }, 120_000)

  it('华为云 keeps the one image of both sides', async () => {
    const folder = await sampleFolder()
    const zip = path.join(folder, 'out.zip')
    await packCase(folder, { output: zip, provider: 'huawei', today: '2026-12-01', force: true })
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
    expect(names).toMatch(/身份证.*_正反面\.jpg/)
    expect(names).not.toMatch(/人像面/)
  }, 120_000)

  it('a scan in which the two cards cannot be found is a packaging error naming it', async () => {
    const folder = await sampleFolder({ role: 'principal-id', file: 'scans/营业执照.jpg' })
    const r = await packCase(folder, { output: path.join(folder, 'out.zip'), provider: 'aliyun', today: '2026-12-01', force: true })
    const f = r.findings.filter((x) => x.rule === 'package-id-sides-not-found')
    expect(f.length).toBeGreaterThan(0)
    expect(f[0]?.severity).toBe('error')
    expect(f[0]?.message).toContain('scans/营业执照.jpg')
  }, 120_000)
})
