/**
 * The main process never blocks on pixels (issue 13 item 7), on real hostile files: a 10 MB 1-bit
 * BMP that decodes to 80 megapixels in JavaScript and the 50-page PDF bomb. While they are read
 * (OCR with the real engine) and drawn (the thumbnail path), the workspace's case list, measured
 * every 20 ms, answers within 100 ms every time, and the event loop never stalls 100 ms. On the
 * code before the pixel pool the list waited seconds. A file over its budget is stopped with a
 * reason (scan-unreadable) and the next file of the batch is read.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readExtracted } from '../../../shared/model/extracted'
import { loadCase } from '../../../electron/services/case-folder/case-store'
import { readCaseDocuments } from '../../../electron/services/case-folder/case-documents'
import { extractFiles } from '../../../electron/services/extract/extract-files'
import { OcrPool } from '../../../electron/services/ocr/pool'
import { PixelPool } from '../../../electron/services/pixel-work/pool'
import { ScanImages } from '../../../electron/services/scans/scan-images'
import { Workspace } from '../../../electron/services/workspace/workspace'
import { bitmapBomb } from '../../corpus/image-bombs'
import { manyPagesBomb } from '../../corpus/pdf-bombs'
import { generateDocument, makeSponsorSet } from '../../generator/index'
import { sampleCase, writeCaseFolder } from '../../support/sample-case'

const TODAY = '2026-12-01'
let dir: string
let bmp: string
let pdf: string
let card: string
const ocr = new OcrPool({ size: 1 })

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'off-main-'))
  bmp = path.join(dir, 'bomb.bmp')
  pdf = path.join(dir, 'bomb.pdf')
  card = path.join(dir, 'card.jpg')
  const front = await generateDocument(makeSponsorSet(5), { type: 'id-front', dpi: 300, format: 'jpg', seed: 3 })
  await Promise.all([writeFile(bmp, bitmapBomb()), writeFile(pdf, manyPagesBomb()), writeFile(card, front.data)])
}, 60_000)

afterAll(() => ocr.close())

/**
 * This thread's time on a CPU and waiting for one (ns, Linux /proc/thread-self/schedstat), so a
 * stall can be told apart from a busy machine: on two shared cores the event loop may wait for a
 * CPU for a long time without running anything. null where the file does not exist.
 */
function schedstat(): { run: number; wait: number } | null {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number)
    return { run: run ?? 0, wait: wait ?? 0 }
  } catch {
    return null
  }
}

/**
 * Calls `probe` every 20 ms until `work` ends. Reports the slowest answer, the event loop's delay
 * (wall clock, p99 and max), and the longest time the main thread ran without its 5 ms timer
 * firing: a stall is this thread running something else, not waiting for a CPU.
 */
async function whileWorking(work: Promise<unknown>, probe: () => Promise<unknown>) {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  const first = schedstat()
  const wallStart = performance.now()
  let last = first
  let stall = 0
  const tick = setInterval(() => {
    const now = schedstat()
    if (now && last) stall = Math.max(stall, (now.run - last.run) / 1e6)
    last = now
  }, 5)
  const answers: number[] = []
  const busy: number[] = []
  let done = false
  const ended = work.finally(() => (done = true))
  while (!done) {
    const t = performance.now()
    const before = schedstat()
    await probe()
    const after = schedstat()
    const wall = performance.now() - t
    answers.push(wall)
    // The answer's time less the time this thread waited for a CPU meanwhile.
    busy.push(before && after ? wall - (after.wait - before.wait) / 1e6 : wall)
    await new Promise((r) => setTimeout(r, 20))
  }
  await ended
  clearInterval(tick)
  delay.disable()
  const end = schedstat()
  const sorted = [...answers].sort((a, b) => a - b)
  return {
    calls: answers.length,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    slowest: Math.max(...answers),
    slowestBusy: Math.max(...busy),
    stall,
    loopMaxMs: delay.max / 1e6,
    loopP99Ms: delay.percentile(99) / 1e6,
    /** Share of the time this thread was ready to run but waited for a CPU (0 without schedstat). */
    cpuWait: first && end ? (end.wait - first.wait) / 1e6 / (performance.now() - wallStart) : 0,
  }
}

describe('pixel work off the main thread', () => {
  it('the case list answers within 100 ms while hostile scans are read and drawn', { timeout: 300_000 }, async () => {
    const ws = new Workspace(path.join(dir, 'workspace'), { today: () => TODAY, now: () => new Date(), trash: async () => undefined })
    for (let i = 0; i < 3; i += 1) await ws.create()
    const images = new ScanImages(path.join(dir, 'cache'))
    const started = performance.now()
    const work = Promise.all([
      extractFiles([bmp, pdf], { pool: ocr, today: TODAY }),
      images.image(dir, bmp, null, { kind: 'thumb' }),
      images.image(dir, pdf, null, { kind: 'thumb' }),
    ])
    const m = await whileWorking(work, () => ws.list())
    const [read, bmpThumb, pdfThumb] = await work
    console.log(
      `hostile scans: ${Math.round(performance.now() - started)} ms; case list ${m.calls}×, p95 ${m.p95.toFixed(1)} ms, slowest ${m.slowest.toFixed(1)} ms ` +
        `(${m.slowestBusy.toFixed(1)} ms less waiting for a CPU); event loop delay p99 ${m.loopP99Ms.toFixed(1)} ms, ` +
        `max ${m.loopMaxMs.toFixed(1)} ms; longest main-thread stall ${m.stall.toFixed(1)} ms; waited for a CPU ${(m.cpuWait * 100).toFixed(0)}% of the time`,
    )
    // The work was done, not skipped: both files read (the BMP is a grid, the PDF's first page a blank scan) and drawn.
    expect(read.map((r) => r.ok)).toEqual([true, true])
    expect(bmpThumb.length).toBeGreaterThan(100)
    expect(pdfThumb.length).toBeGreaterThan(100)
    expect(m.calls).toBeGreaterThan(10)
    // The main thread never runs 100 ms without its timers firing (the old code ran 430 ms in one
    // go on the BMP, and the event loop stood still for 2 s): the bound on what this thread does.
    if (schedstat() !== null) expect(m.stall).toBeLessThan(100)
    expect(m.p95).toBeLessThan(100)
    // Every answer and every timer within 100 ms of wall-clock time as well, where the machine has
    // CPUs to spare; on the shared two-core test machine (load average above 10) the thread may
    // wait for a CPU for longer than that with nothing to do with pixels.
    if (m.cpuWait < 0.05) {
      expect(m.slowest).toBeLessThan(100)
      expect(m.loopMaxMs).toBeLessThan(100)
    }
  })

  it('a file over its pixel budget is unreadable with a reason, and the next file of the batch is read', { timeout: 300_000 }, async () => {
    const pixels = new PixelPool({ budget: { timeMs: 1500 } })
    try {
      const t = performance.now()
      const [bomb, good] = await extractFiles([bmp, card], { pool: ocr, today: TODAY, pixels })
      const ms = performance.now() - t
      expect(bomb).toMatchObject({
        ok: false,
        error: expect.stringMatching(/超过 1\.5 秒/),
        errorEn: expect.stringMatching(/longer than 1\.5 s/),
      })
      expect(good?.ok).toBe(true)
      if (good?.ok) expect(good.pages[0]?.kind).toBe('id-card')
      // Stopped at its budget, not read to its end (seconds more).
      console.log(`budget 1.5 s: batch of the bomb and a card in ${Math.round(ms)} ms`)

      // Through the case reader: the stored reading is scan-unreadable with the reason, the card is read.
      const data = sampleCase()
      const docs = data.documents.length
      data.documents.push({ file: 'scans/bomb.bmp', role: 'other', keep: true })
      const folder = await writeCaseFolder(data, dir)
      await writeFile(path.join(folder, 'scans', 'bomb.bmp'), bitmapBomb())
      const summary = await readCaseDocuments(folder, { pool: ocr, today: TODAY, pixels })
      expect(summary.failed).toBe(1)
      const after = await loadCase(folder)
      if (!after.ok) throw new Error(after.messageEn)
      const stored = readExtracted(after.case.documents[docs]?.extracted)
      expect(stored?.findings.map((f) => [f.rule, f.messageEn])).toEqual([['scan-unreadable', expect.stringMatching(/longer than 1\.5 s/)]])
      expect(after.case.documents.slice(0, docs).every((d) => readExtracted(d.extracted) !== null)).toBe(true)
    } finally {
      await pixels.close()
    }
  })

  it('a file holding more pixel memory than its budget is stopped the same way', { timeout: 120_000 }, async () => {
    // The BMP decodes into a 240 MB Buffer (outside the V8 heap): over a 100 MB budget.
    const pixels = new PixelPool({ budget: { maxExternalMb: 100 } })
    try {
      const [bomb, good] = await extractFiles([bmp, card], { pool: ocr, today: TODAY, pixels })
      expect(bomb).toMatchObject({
        ok: false,
        error: expect.stringMatching(/内存超过 100 MB/),
        errorEn: expect.stringMatching(/more than 100 MB/),
      })
      expect(good?.ok).toBe(true)
    } finally {
      await pixels.close()
    }
  })
})
