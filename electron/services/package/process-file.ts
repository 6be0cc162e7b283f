/**
 * Turns one planned upload file into its bytes: decode the scan(s), turn upright, stack ID sides if
 * the slot wants one image, then either keep the original JPEG (metadata removed) when it already
 * fits, or re-encode it to fit the provider. Everything that goes wrong becomes a packaging problem
 * for the report; nothing here throws for a bad scan.
 */
import { isMainThread } from 'node:worker_threads'
import sharp from 'sharp'
import type { EncodingLimits, ProviderProfile } from '../../../shared/package/package-data'
import { uploadExtension, type PlannedFile, type PlannedSource } from '../../../shared/package/plan'
import { formatBytes, type PackageProblem } from '../../../shared/package/problems'
import type { ManifestFile } from '../../../shared/package/manifest'
import { resolveDocumentFile } from '../case-folder/case-files'
import { applyWatermark, type WatermarkSpec } from './watermark'
import { stackImages } from './combine'
import { cardRegion, findCards } from '../intake/cards'
import { greyDropRed, rawOp } from '../intake/pixels'
import { fitImage } from './fit-image'
import { stripJpegMetadata } from './jpeg-markers'
import { cleanPdf, PdfCleanError } from './pdf-clean'
import type { Turn } from '../intake/prepare'
import { PixelBudgetError, pixelWork } from '../pixel-work/pool'
import { loadScanImage, type LoadedScan, type RawImage } from './scan-image'

/** A file ready to go into the zip, with what the manifest and the report say about it. */
export interface ProcessedFile {
  readonly plan: PlannedFile
  readonly name: string
  readonly data: Buffer
  readonly mediaType: 'image/jpeg' | 'application/pdf'
  readonly width: number | null
  readonly height: number | null
  readonly sources: ManifestFile['sources']
  readonly processing: ManifestFile['processing']
  /** A small JPEG of the packaged image as a data: URI (null for a PDF). */
  readonly thumbnail: string | null
}

/** What processing one file needs to know about the whole export. */
export interface ProcessContext {
  readonly folder: string
  /** The quarter turns OCR found for a document's pages (documents[i].extracted), if any. */
  readonly rotations?: (document: number) => readonly Turn[] | undefined
  readonly provider: ProviderProfile
  readonly encoding: EncodingLimits
  readonly signal?: AbortSignal
  /** Draw the 「仅供备案使用」 watermark on the roles it names (ID images), where it covers nothing. */
  readonly watermark?: WatermarkSpec | null
}

/** The packed file (or null when it could not be made) and the problems met on the way. */
export interface ProcessOutcome {
  readonly file: ProcessedFile | null
  readonly problems: PackageProblem[]
}

const THUMB_BOX = { width: 320, height: 400 }

async function thumbnail(jpeg: Buffer): Promise<string> {
  const small = await sharp(jpeg)
    .resize({ ...THUMB_BOX, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 72 })
    .toBuffer()
  return `data:image/jpeg;base64,${small.toString('base64')}`
}

type Loaded = { source: PlannedSource; scan: LoadedScan }

function manifestSource(s: PlannedSource, scan: LoadedScan): ManifestFile['sources'][number] | null {
  if (scan.kind === 'problem') return null
  const upright = scan.kind === 'image' ? scan.image : null
  return {
    file: s.file,
    document: s.document,
    side: s.side,
    format: scan.source.format,
    bytes: scan.source.bytes,
    width: upright?.width ?? null,
    height: upright?.height ?? null,
    sha256: scan.source.sha256,
  }
}

/** A PDF carried as PDF (only where the provider takes it), metadata removed. */
async function asPdf(
  plan: PlannedFile,
  loaded: Loaded & { scan: Extract<LoadedScan, { kind: 'pdf' }> },
  ctx: ProcessContext,
  problems: PackageProblem[],
): Promise<ProcessOutcome> {
  const { provider } = ctx
  const doc = loaded.source.document
  const labels = { provider: provider.label, providerEn: provider.labelEn }
  let data: Buffer
  try {
    data = await cleanPdf(loaded.scan.original)
  } catch (error) {
    if (!(error instanceof PdfCleanError)) throw error
    problems.push({ code: 'package-image-unreadable', document: doc, params: { file: loaded.source.file, reason: error.message } })
    return { file: null, problems }
  }
  const name = `${plan.baseName}.pdf`
  if (data.length > provider.maxBytes) {
    const params = { name, bytes: formatBytes(data.length), limit: formatBytes(provider.maxBytes), ...labels }
    problems.push({ code: 'package-image-cannot-fit', variant: 'pdf', document: doc, params })
    return { file: null, problems }
  }
  const source = manifestSource(loaded.source, loaded.scan)
  const processing = { passthrough: true, scaled: false, combined: false, quality: null, rotated: false }
  const file: ProcessedFile = {
    plan,
    name,
    data,
    mediaType: 'application/pdf',
    width: null,
    height: null,
    sources: source ? [source] : [],
    processing,
    thumbnail: null,
  }
  return { file, problems }
}

/** Processes one planned file; a missing or out-of-case scan is skipped quietly (the rules report it). */
export async function processPlannedFile(plan: PlannedFile, ctx: ProcessContext): Promise<ProcessOutcome> {
  const { provider, encoding, signal } = ctx
  const problems: PackageProblem[] = []
  const loaded: Loaded[] = []
  for (const source of plan.sources) {
    // Missing files, links out of the case, pipes and devices are never read: the rules
    // (document-file-missing, document-path-unsafe) report them and refuse the export.
    const resolved = resolveDocumentFile(ctx.folder, source.file)
    if (!resolved.ok) continue
    // fsPath: the bytes of a name that is not UTF-8 on disk (a GBK name from a Windows zip).
    const abs = resolved.fsPath
    signal?.throwIfAborted()
    const rotations = ctx.rotations?.(source.document)
    const scan = await loadScanImage(abs, source.file, rotations ? { rotations } : {})
    if (scan.kind === 'problem') problems.push({ code: scan.code, params: scan.params, document: source.document })
    else loaded.push({ source, scan })
  }
  // A PDF is carried as PDF only where the provider takes it; otherwise its first page is the image.
  const pdf = loaded.find((l): l is Loaded & { scan: Extract<LoadedScan, { kind: 'pdf' }> } => l.scan.kind === 'pdf')
  if (pdf && loaded.length === 1 && uploadExtension(plan, provider, true) === '.pdf') return asPdf(plan, pdf, ctx, problems)
  const images = loaded.filter((l): l is Loaded & { scan: Extract<LoadedScan, { kind: 'image' | 'pdf' }> } => l.scan.kind !== 'problem')
  if (images.length === 0) return { file: null, problems }

  for (const { source, scan } of images) {
    if (scan.source.pages > 1)
      problems.push({
        code: 'package-extra-pages-ignored',
        document: source.document,
        params: { file: source.file, pages: scan.source.pages },
      })
    const { width, height } = scan.image
    if (Math.max(width, height) < provider.minLongSidePx)
      problems.push({
        code: 'package-image-low-resolution',
        document: source.document,
        params: { file: source.file, width, height, minPx: provider.minLongSidePx },
      })
  }
  signal?.throwIfAborted()
  const name = `${plan.baseName}.jpg`
  let first = images[0] as (typeof images)[number]
  if (plan.cut) {
    // The card holding the field the reading found on the 人像面 is that side; without one, the
    // card finder's reading order (top first) stands for front above back (icp-rules.md §2).
    const cards = findCards(greyDropRed(first.scan.image))
    if (cards.length !== 2) {
      problems.push({
        code: 'package-id-sides-not-found',
        document: first.source.document,
        params: { file: first.source.file, found: cards.length },
      })
      return { file: null, problems }
    }
    const { width: w, height: h } = first.scan.image
    const at = plan.frontAt ? { x: plan.frontAt.x * w, y: plan.frontAt.y * h } : null
    const holds = (b: (typeof cards)[number]) =>
      at !== null && at.x >= b.x && at.x <= b.x + b.width && at.y >= b.y && at.y <= b.y + b.height
    const front = cards.findIndex(holds) === 1 ? 1 : 0
    const card = cards[plan.cut === 'front' ? front : 1 - front] as (typeof cards)[number]
    const region = cardRegion(card, first.scan.image)
    const image = await rawOp(first.scan.image, (img) =>
      img.extract({ left: region.x, top: region.y, width: region.width, height: region.height }),
    )
    first = { ...first, scan: { ...first.scan, image, source: { ...first.scan.source, plainJpeg: false } } }
  }
  const sources = images.flatMap((l) => manifestSource(l.source, l.scan) ?? [])
  const rotated = images.some((l) => l.scan.source.rotated)
  const combined = images.length > 1

  const watermark = ctx.watermark && ctx.watermark.roles.includes(plan.role) ? ctx.watermark : null
  if (!watermark && !combined && first.scan.kind === 'image' && first.scan.source.plainJpeg) {
    const stripped = stripJpegMetadata(first.scan.original)
    const { width, height } = first.scan.image
    if (stripped.length <= provider.maxBytes && stripped.length >= plan.minBytes && Math.max(width, height) <= provider.maxLongSidePx) {
      const processing = { passthrough: true, scaled: false, combined: false, quality: null, rotated: false }
      const file = {
        plan,
        name,
        data: stripped,
        mediaType: 'image/jpeg' as const,
        width,
        height,
        sources,
        processing,
        thumbnail: await thumbnail(stripped),
      }
      return { file, problems }
    }
  }

  const stacked = combined
    ? await stackImages(
        images.map((l) => l.scan.image),
        provider.maxLongSidePx,
      )
    : { image: first.scan.image, scaled: false }
  let pixels: RawImage = stacked.image
  let drawn: ManifestFile['processing']['watermark'] = null
  if (watermark) {
    const marked = await applyWatermark(pixels, watermark)
    if (marked.ok) {
      pixels = marked.image
      drawn = { text: marked.text, box: marked.box }
    } else problems.push({ code: 'package-watermark-no-room', document: first.source.document, params: { name, text: watermark.text } })
  }
  const fit = await fitImage(
    pixels,
    {
      maxBytes: provider.maxBytes,
      minBytes: plan.minBytes,
      maxLongSidePx: provider.maxLongSidePx,
      floorLongSidePx: plan.minLongSidePx,
      qualityMax: encoding.qualityMax,
      qualityMin: encoding.qualityMin,
      qualityStep: encoding.qualityStep,
    },
    signal,
  )
  if (!fit.ok) {
    problems.push({
      code: 'package-image-cannot-fit',
      document: first.source.document,
      params: {
        name,
        minPx: fit.floorLongSidePx,
        minQuality: encoding.qualityMin,
        limit: formatBytes(provider.maxBytes),
        bytes: formatBytes(fit.smallestBytes),
        provider: provider.label,
        providerEn: provider.labelEn,
      },
    })
    return { file: null, problems }
  }
  if (fit.jpeg.length < plan.minBytes) {
    problems.push({
      code: 'package-file-below-minimum',
      document: first.source.document,
      params: {
        name,
        bytes: formatBytes(fit.jpeg.length),
        minimum: formatBytes(plan.minBytes),
        provider: provider.label,
        providerEn: provider.labelEn,
      },
    })
  }
  // The watermark's box in the pixels of the file as packed (fitting may have scaled it down).
  const k = fit.width / pixels.width
  const box = drawn?.box
  const scaledMark =
    drawn && box
      ? {
          text: drawn.text,
          box: { x: Math.round(box.x * k), y: Math.round(box.y * k), width: Math.round(box.width * k), height: Math.round(box.height * k) },
        }
      : null
  const processing = {
    passthrough: false,
    scaled: fit.scaled || stacked.scaled,
    combined,
    quality: fit.quality,
    rotated,
    ...(watermark ? { watermark: scaledMark } : {}),
  }
  const file: ProcessedFile = {
    plan,
    name,
    data: fit.jpeg,
    mediaType: 'image/jpeg',
    width: fit.width,
    height: fit.height,
    sources,
    processing,
    thumbnail: await thumbnail(fit.jpeg),
  }
  return { file, problems }
}

/** What processPlannedFile needs, as it crosses to a worker thread: the stored turns by document instead of a function. */
export type ProcessContextData = Omit<ProcessContext, 'rotations' | 'signal'> & {
  readonly rotations: Readonly<Record<number, readonly Turn[]>>
}

/**
 * processPlannedFile with its pixel work on a worker of the pixel pool (on the main thread; in a
 * worker it runs in place). A file over its budget is a package-image-unreadable problem with the reason.
 */
export async function processPlannedFileOffMain(plan: PlannedFile, ctx: ProcessContext): Promise<ProcessOutcome> {
  if (!isMainThread) return processPlannedFile(plan, ctx)
  const { signal, rotations: turnsOf, ...rest } = ctx
  const rotations: Record<number, readonly Turn[]> = {}
  for (const source of plan.sources) {
    const turns = turnsOf?.(source.document)
    if (turns) rotations[source.document] = [...turns]
  }
  try {
    return await pixelWork().run('packageFile', { plan, ctx: { ...rest, rotations } }, signal ? { signal } : {})
  } catch (error) {
    // Cancelled: end the way processPlannedFile does (the signal's own reason).
    signal?.throwIfAborted()
    if (!(error instanceof PixelBudgetError)) throw error
    const problems: PackageProblem[] = plan.sources.map((source) => ({
      code: 'package-image-unreadable',
      params: { file: source.file, reason: error.reason, reasonEn: error.reasonEn },
      document: source.document,
    }))
    return { file: null, problems }
  }
}
