/**
 * The images the window shows of a scan — a thumbnail, the upright page, and the crop each value
 * was read from — made once with intake's decodeScan (the stored quarter turn applied, so boxes
 * line up) and cached in a private folder of the app's user data (0700), never in the case folder
 * that is copied and shared. Cache entries are keyed by the file's identity and turn, so a
 * replaced or re-read scan gets new images; requests for the same image share one rendering.
 *
 * The renders are full-size ID cards, so they must not outlive their case: entries sit under
 * `<case>/<scan>/<version>/` (each a hash), so removing a scan or deleting a case removes all of
 * its images, and prune() (at start-up) removes entries unused for `renderCache.maxAgeDays` and the
 * least recently used ones beyond `renderCache.maxBytes` (scan-import.json). Use is an entry's mtime.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, realpath, rename, rm, rmdir, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import type { Box, ExtractedDocument } from '../../../shared/model/extracted'
import { decodeScan, toSharp } from '../intake/upright'
import { scanImport } from './import-limits'

/** Which image of a scan: its thumbnail, its upright page, or the crop around a box of the page. */
export type ScanImageVariant = { readonly kind: 'thumb' } | { readonly kind: 'page' } | { readonly kind: 'crop'; readonly box: Box }

/** Raised when the scan cannot be drawn (unreadable, or no usable page): the window shows a placeholder. */
export class ScanImageError extends Error {}

interface PageInfo {
  /** Pixel size of the cached page. */
  readonly width: number
  readonly height: number
  /** Pixel width of the upright image the reading's boxes refer to. */
  readonly sourceWidth: number
}

/** Renders and caches scan images under `<cacheDir>/scan-images`. */
export class ScanImages {
  readonly #root: string
  readonly #pending = new Map<string, Promise<Buffer>>()

  constructor(cacheDir: string) {
    this.#root = path.join(cacheDir, 'scan-images')
  }

  /** The JPEG bytes of one image of a scan file of the case in `caseFolder`, from the cache or made now. */
  async image(caseFolder: string, file: string, reading: ExtractedDocument | null, variant: ScanImageVariant): Promise<Buffer> {
    const dir = await this.#entry(caseFolder, file, reading)
    // Marks the entry used now, for prune(); an entry not made yet gets its time when it is written.
    await utimes(dir, new Date(), new Date()).catch(() => undefined)
    // The page is itself the cached base image every other variant is cut from.
    if (variant.kind === 'page') return (await this.#page(dir, file, reading)).bytes
    const target = path.join(dir, variant.kind === 'crop' ? `crop-${boxKey(variant.box)}.jpg` : 'thumb.jpg')
    const cached = await readFile(target).catch(() => null)
    if (cached) return cached
    return this.#once(target, async () => {
      const bytes = await this.#render(dir, file, reading, variant)
      await writePrivate(target, bytes)
      return bytes
    })
  }

  /** Forgets every image of a scan file, of every version and turn (when it is removed from the case). */
  async forget(caseFolder: string, file: string): Promise<void> {
    await rm(path.join(this.#root, await caseKey(caseFolder), await fileKey(file)), { recursive: true, force: true })
  }

  /** Forgets every image of a case (when it is deleted). Call before the folder goes: its real path names it. */
  async forgetCase(caseFolder: string): Promise<void> {
    await rm(path.join(this.#root, await caseKey(caseFolder)), { recursive: true, force: true })
  }

  /**
   * Removes entries unused for longer than `maxAgeDays`, then the least recently used until the
   * cache holds at most `maxBytes`, and anything in the old flat layout (entries of no known case).
   */
  async prune(options: { now?: number; maxAgeDays?: number; maxBytes?: number } = {}): Promise<PruneSummary> {
    const now = options.now ?? Date.now()
    const maxAgeMs = (options.maxAgeDays ?? scanImport.renderCache.maxAgeDays) * 86_400_000
    const maxBytes = options.maxBytes ?? scanImport.renderCache.maxBytes
    const entries: Array<{ dir: string; used: number; bytes: number }> = []
    let removed = 0
    for (const c of await dirs(this.#root)) {
      const caseDir = path.join(this.#root, c)
      if ((await files(caseDir)).length > 0) {
        // The flat layout before issue 13: no case to tie it to.
        await rm(caseDir, { recursive: true, force: true })
        removed += 1
        continue
      }
      for (const f of await dirs(caseDir))
        for (const v of await dirs(path.join(caseDir, f))) {
          const dir = path.join(caseDir, f, v)
          const info = await stat(dir).catch(() => null)
          if (!info) continue
          let bytes = 0
          for (const name of await files(dir)) bytes += (await stat(path.join(dir, name)).catch(() => null))?.size ?? 0
          entries.push({ dir, used: info.mtimeMs, bytes })
        }
    }
    entries.sort((a, b) => a.used - b.used)
    let total = entries.reduce((sum, e) => sum + e.bytes, 0)
    for (const e of entries) {
      if (now - e.used <= maxAgeMs && total <= maxBytes) continue
      await rm(e.dir, { recursive: true, force: true })
      total -= e.bytes
      removed += 1
      // Empty scan and case folders go with their last entry.
      await rmdir(path.dirname(e.dir)).catch(() => undefined)
      await rmdir(path.dirname(path.dirname(e.dir))).catch(() => undefined)
    }
    return { removed, bytes: total }
  }

  async #entry(caseFolder: string, file: string, reading: ExtractedDocument | null): Promise<string> {
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) throw new ScanImageError('not a file')
    const version = createHash('sha256')
      .update(`${info.size}|${info.mtimeMs}|${reading?.rotation ?? 'guess'}`)
      .digest('hex')
      .slice(0, 32)
    return path.join(this.#root, await caseKey(caseFolder), await fileKey(file), version)
  }

  async #render(dir: string, file: string, reading: ExtractedDocument | null, variant: ScanImageVariant): Promise<Buffer> {
    const page = await this.#page(dir, file, reading)
    if (variant.kind !== 'crop') {
      const size = scanImport.thumbnail
      return sharp(page.bytes)
        .resize({ width: size.longSide, height: size.longSide, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: size.quality })
        .toBuffer()
    }
    // Boxes are pixels of the upright image the reading was made on; the cached page may be smaller.
    const scale = page.info.width / page.info.sourceWidth
    const { margin, height, quality } = scanImport.crop
    const { width: w, height: h } = page.info
    const left = clamp(Math.floor(variant.box.x * scale) - margin, 0, w - 1)
    const top = clamp(Math.floor(variant.box.y * scale) - margin, 0, h - 1)
    const right = clamp(Math.ceil((variant.box.x + variant.box.width) * scale) + margin, left + 1, w)
    const bottom = clamp(Math.ceil((variant.box.y + variant.box.height) * scale) + margin, top + 1, h)
    return sharp(page.bytes)
      .extract({ left, top, width: right - left, height: bottom - top })
      .resize({ height: height * 2, withoutEnlargement: true })
      .jpeg({ quality })
      .toBuffer()
  }

  /** The upright page at the page size, cached as page.jpg beside its size facts. */
  async #page(dir: string, file: string, reading: ExtractedDocument | null): Promise<{ bytes: Buffer; info: PageInfo }> {
    const pageFile = path.join(dir, 'page.jpg')
    const infoFile = path.join(dir, 'page.json')
    const read = async () => {
      const [bytes, text] = await Promise.all([readFile(pageFile).catch(() => null), readFile(infoFile, 'utf8').catch(() => null)])
      return bytes && text ? { bytes, info: JSON.parse(text) as PageInfo } : null
    }
    const cached = await read()
    if (cached) return cached
    await this.#once(pageFile, async () => {
      const bytes = await this.#decodePage(file, reading)
      const meta = await sharp(bytes).metadata()
      const width = meta.width ?? 1
      const info: PageInfo = { width, height: meta.height ?? 1, sourceWidth: reading?.image.width ?? width }
      await writePrivate(infoFile, JSON.stringify(info))
      await writePrivate(pageFile, bytes)
      return bytes
    })
    const made = await read()
    if (!made) throw new ScanImageError('page not cached')
    return made
  }

  /** Runs `work` once for a target while it is in flight; later callers share its result. */
  #once(target: string, work: () => Promise<Buffer>): Promise<Buffer> {
    let running = this.#pending.get(target)
    if (!running) {
      running = work().finally(() => this.#pending.delete(target))
      this.#pending.set(target, running)
    }
    return running
  }

  async #decodePage(file: string, reading: ExtractedDocument | null): Promise<Buffer> {
    const rotations = reading?.rotation !== undefined ? [reading.rotation as 0 | 90 | 180 | 270] : undefined
    const decoded = await decodeScan(file, { ...(rotations ? { rotations } : {}), only: 'first' })
    if (!decoded.ok) throw new ScanImageError(decoded.reasonEn)
    const first = decoded.pages[0]
    if (!first?.usable) throw new ScanImageError('no usable page')
    const { longSide, quality } = scanImport.page
    return toSharp(first.image)
      .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality })
      .toBuffer()
  }
}

/** What prune() did: entries removed, bytes left. */
export interface PruneSummary {
  readonly removed: number
  readonly bytes: number
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32)
const realOrResolved = async (p: string): Promise<string> => realpath(p).catch(() => path.resolve(p))
/** A case's folder in the cache: a hash of its real path (no name or path of a person on disk). */
const caseKey = async (caseFolder: string): Promise<string> => hashOf(`case|${await realOrResolved(caseFolder)}`)
const fileKey = async (file: string): Promise<string> => hashOf(`file|${await realOrResolved(file)}`)

async function dirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isDirectory()).map((e) => e.name)
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return entries.filter((e) => !e.isDirectory()).map((e) => e.name)
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value))
}

function boxKey(box: Box): string {
  return createHash('sha256').update(`${box.x},${box.y},${box.width},${box.height}`).digest('hex').slice(0, 12)
}

let placeholder: Promise<Buffer> | null = null

/**
 * What a thumbnail or page shows for a file that cannot be drawn (damaged, not an image): a calm
 * grey card with a warning mark. Sent as an image rather than an error, so the window shows it
 * without a failed request; the scan's card says in words what is wrong.
 */
export function unreadablePlaceholder(): Promise<Buffer> {
  placeholder ??= sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180">' +
        '<rect width="240" height="180" fill="#f2f3f5"/>' +
        '<path d="M120 58 88 118h64z" fill="none" stroke="#c9cdd4" stroke-width="6" stroke-linejoin="round"/>' +
        '<path d="M120 80v18M120 106v4" stroke="#c9cdd4" stroke-width="6" stroke-linecap="round"/></svg>',
    ),
  )
    .jpeg({ quality: 80 })
    .toBuffer()
  return placeholder
}

/** Writes a cache file readable by the user only, atomically (a half-written image is never served). */
async function writePrivate(file: string, data: Buffer | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`
  await writeFile(partial, data, { mode: 0o600 })
  await rename(partial, file)
}
