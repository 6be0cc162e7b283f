/**
 * A case's scans as the window sees them: each with an opaque id (a hash of its place in the case
 * folder, so the window never handles a path), what was read from it, and the URLs of its
 * thumbnail, upright page and value crops, which the app scheme resolves inside the case folder.
 */
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { ScanView } from '../../../shared/ipc/scan-schemas'
import type { Case, CaseDocument } from '../../../shared/model/case'
import type { Box, ExtractedDocument } from '../../../shared/model/extracted'
import { websiteFromReading } from '../../../shared/model/documents'
import { isSafeRelativePath } from '../../../shared/model/paths'

/** The URL prefix under which the app scheme serves a case's images. */
export const CASE_FILE_PREFIX = 'case-file'

/** The opaque, stable id of a scan: the same file in the same case always has the same id. */
export function scanIdOf(file: string): string {
  return `s${createHash('sha256').update(file).digest('hex').slice(0, 16)}`
}

/** encodeURIComponent, plus the few characters it leaves that a case id may hold. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A page-relative URL of one image of a scan; `version` changes whenever the image would. */
export function caseFileUrl(caseId: string, scanId: string, variant: string, version: string): string {
  return `${CASE_FILE_PREFIX}/${encodeSegment(caseId)}/${scanId}/${variant}.jpg?v=${version}`
}

/** The file of a document inside the case folder, or null when its stored path is unsafe. */
export function documentFile(folder: string, doc: CaseDocument): string | null {
  return isSafeRelativePath(doc.file) ? path.join(folder, ...doc.file.split('/')) : null
}

/** A box in pixels as fractions of the image, clamped to it. */
function fractionOf(box: Box, image: { width: number; height: number }): Box {
  const clamp = (v: number) => Math.min(1, Math.max(0, v))
  return {
    x: clamp(box.x / image.width),
    y: clamp(box.y / image.height),
    width: clamp(box.width / image.width),
    height: clamp(box.height / image.height),
  }
}

function stateOf(exists: boolean, reading: ExtractedDocument | null): ScanView['state'] {
  if (!exists) return 'missing'
  if (!reading) return 'unread'
  return reading.findings.some((f) => f.rule === 'scan-unreadable') ? 'failed' : 'read'
}

/** The scan of one document, or null for a document whose path is unsafe (never shown, never served). */
async function viewOf(caseId: string, folder: string, c: Case, doc: CaseDocument, index: number): Promise<ScanView | null> {
  const file = documentFile(folder, doc)
  if (file === null) return null
  const info = await stat(file).catch(() => null)
  const exists = info?.isFile() === true
  const reading = doc.extracted ?? null
  const state = stateOf(exists, reading)
  const scanId = scanIdOf(doc.file)
  const version = createHash('sha256')
    .update(`${info?.size ?? 0}|${info?.mtimeMs ?? 0}|${reading?.rotation ?? ''}|${reading?.sourceSha256 ?? ''}`)
    .digest('hex')
    .slice(0, 12)
  // An unreadable file still gets image URLs: the server answers them with a placeholder.
  const url = (variant: string) => (exists ? caseFileUrl(caseId, scanId, variant, version) : null)
  const usable = state === 'read' && reading !== null
  return {
    scanId,
    index,
    name: path.posix.basename(doc.file),
    bytes: exists && info ? info.size : null,
    role: doc.role,
    website: doc.website ?? null,
    roleProposed: doc.roleProposed === true,
    keep: doc.keep === true,
    websiteProposal: websiteFromReading(c, doc),
    state,
    kind: usable ? reading.kind : null,
    sides: usable && reading.sides ? [...reading.sides] : null,
    colour: usable ? reading.colour : null,
    findings: (reading?.findings ?? []).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      messageEn: f.messageEn ?? f.message,
    })),
    fields: usable
      ? Object.entries(reading.fields)
          .filter(([, f]) => f.value.trim() !== '')
          .map(([name, f]) => ({
            name,
            value: f.value,
            confidence: f.confidence,
            uncertain: f.uncertain === true,
            misread: f.misread === true,
            corrected: f.corrected ? { from: f.corrected.from, changes: f.corrected.changes } : null,
            raw: f.raw ?? null,
            box: f.box ? fractionOf(f.box, reading.image) : null,
            cropUrl: f.box ? url(`crop-${name}`) : null,
          }))
      : [],
    thumbUrl: url('thumb'),
    pageUrl: url('page'),
    image: usable ? { width: reading.image.width, height: reading.image.height } : null,
  }
}

/** Every scan of a case, in case.json order. */
export async function scanViews(caseId: string, folder: string, c: Case): Promise<ScanView[]> {
  const views = await Promise.all(c.documents.map((doc, index) => viewOf(caseId, folder, c, doc, index)))
  return views.filter((v): v is ScanView => v !== null)
}
