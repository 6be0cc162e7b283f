/**
 * bench:ppocr — PP-OCR against tesseract.js as full-page readers: the sample case's scans and a few
 * generated scans (test/generator), each read once per engine, printing time per page, the peak
 * RSS of the process (each engine runs in a child process of its own, so the figures do not mix)
 * and how many of the document's true values appear in the engine's full text. Asserts nothing.
 *
 *   npm run bench:ppocr -- [--sets 2] [--det 1280,1600] [--threads 2]
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { performance } from 'node:perf_hooks'
import type { OcrEngine } from '../../electron/services/ocr/engine'
import { PpocrEngine } from '../../electron/services/ocr/ppocr/engine'
import { TesseractEngine } from '../../electron/services/ocr/tesseract-engine'
import { resourcePath } from '../../electron/services/resources'
import { makeCorpus } from '../generator/corpus'
import { generateDocument } from '../generator/index'
import { ms, summarise } from './stats'

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: '2' },
    det: { type: 'string', default: '1280,1600' },
    threads: { type: 'string', default: '2' },
    child: { type: 'string' },
  },
})

interface Page {
  readonly name: string
  readonly image: Buffer
  readonly values: readonly string[]
}

/** The forms a date is printed in on these documents. */
function forms(value: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return [value]
  const [, y, mo, d] = m as unknown as [string, string, string, string]
  const n = (s: string): string => String(Number(s))
  return [`${y}年${mo}月${d}日`, `${y}年${n(mo)}月${n(d)}日`, `${y}.${mo}.${d}`, `${y}-${mo}-${d}`, `${y}/${mo}/${d}`, `${y}${mo}${d}`]
}

const squash = (s: string): string => s.replace(/\s/g, '').toLowerCase()
const found = (text: string, value: string): boolean => forms(value).some((f) => squash(text).includes(squash(f)))

async function pages(sets: number): Promise<Page[]> {
  const kase = JSON.parse(readFileSync(resourcePath('sample-case', 'case.json'), 'utf8'))
  const s = kase.sponsor
  const p = kase.principal
  const w = kase.websites[0]
  const scan = (file: string): Buffer => readFileSync(resourcePath('sample-case', 'scans', file))
  const out: Page[] = [
    {
      name: 'sample 营业执照',
      image: scan('营业执照.jpg'),
      values: [s.name, s.certificateNumber, s.legalRepresentative, s.certificateAddress, s.certificateValidFrom],
    },
    { name: 'sample 主体负责人身份证', image: scan('主体负责人身份证.jpg'), values: [p.name, p.idNumber, p.idValidFrom, p.idValidTo] },
    { name: 'sample 网站负责人身份证', image: scan('网站负责人身份证.jpg'), values: [w.manager.name, w.manager.idNumber] },
    {
      name: 'sample 域名证书',
      image: scan('域名证书.jpg'),
      values: [w.domain, w.domainCertificate.owner, w.domainCertificate.registeredOn, w.domainCertificate.expiresOn],
    },
  ]
  for (const entry of makeCorpus({ sets, seed: 7 })) {
    const doc = await generateDocument(entry.set, entry.spec)
    // The engines take upright PNG or JPEG (intake turns and converts the rest, BMP included);
    // here sharp does it, and what it cannot read (PDF, BMP) is skipped.
    if (doc.format === 'pdf' || doc.format === 'bmp') continue
    const image = await sharp(doc.data).rotate().png().toBuffer()
    // Enumerated values (male, long-term) are codes of the truth, not printed text.
    const fields = Object.values(doc.truth.fields).filter(
      (v): v is string => typeof v === 'string' && v.length >= 2 && !/^[a-z-]+$/.test(v),
    )
    out.push({ name: `generated ${doc.name}`, image, values: fields })
  }
  return out
}

async function child(spec: string): Promise<void> {
  const [kind, det] = spec.split(':')
  const engine: OcrEngine =
    kind === 'ppocr' ? new PpocrEngine({ detMaxSide: Number(det), intraOpThreads: Number(values.threads) }) : new TesseractEngine()
  const list = await pages(Number(values.sets))
  const started = performance.now()
  await (engine as { warm?: () => Promise<void> }).warm?.()
  const warm = performance.now() - started
  const times: number[] = []
  let right = 0
  let total = 0
  const misses: string[] = []
  for (const page of list) {
    const t = performance.now()
    let text = ''
    try {
      text = (await engine.recognize({ image: page.image, language: 'chi_sim+eng', mode: 'page', timeoutMs: 120_000 })).text
    } catch (error) {
      misses.push(`${page.name}: failed (${String(error).slice(0, 80)})`)
    }
    times.push(performance.now() - t)
    for (const v of page.values) {
      total += 1
      if (found(text, v)) right += 1
      else misses.push(`${page.name}: ${v}`)
    }
  }
  await engine.close()
  const rssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(
    JSON.stringify({ engine: engine.description, spec, pages: list.length, warm, times, right, total, rssMb, misses }) + '\n',
  )
}

if (values.child) await child(values.child)
else {
  const specs = ['tesseract', ...values.det.split(',').map((d) => `ppocr:${d}`)]
  console.log(`${specs.length} engines × sample scans + ${values.sets} generated sets; one child process each`)
  for (const spec of specs) {
    const r = spawnSync(
      process.execPath,
      [
        path.resolve('node_modules/tsx/dist/cli.mjs'),
        import.meta.filename,
        '--child',
        spec,
        '--sets',
        values.sets,
        '--threads',
        values.threads,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    const line = r.stdout.trim().split('\n').pop() ?? ''
    if (r.status !== 0 || !line.startsWith('{')) {
      console.log(`${spec}: failed (${r.status}) ${r.stderr.slice(-500)}`)
      continue
    }
    const x = JSON.parse(line) as {
      spec: string
      pages: number
      warm: number
      times: number[]
      right: number
      total: number
      rssMb: number
      misses: string[]
    }
    const t = summarise(x.times)
    console.log(
      `${x.spec.padEnd(12)} pages ${x.pages}  load ${ms(x.warm)}  per page median ${ms(t.median)} p90 ${ms(t.p90)} max ${ms(t.max)}  ` +
        `peak RSS ${Math.round(x.rssMb)} MB  values in text ${x.right}/${x.total} (${((100 * x.right) / x.total).toFixed(1)} %)`,
    )
    for (const m of x.misses.slice(0, 12)) console.log(`    missing ${m}`)
  }
}
