/**
 * Answers the window's requests for scan images: `case-file/<caseId>/<scanId>/<variant>.jpg`, the
 * URLs scan-view.ts makes. The app scheme (app://renderer/case-file/…) and the UI tests' page
 * server call this same function. Nothing in the URL is a path: the case id is checked to be one
 * safe folder name in the workspace, the scan is looked up by its id among the case's documents,
 * and the file must really lie inside the case folder (links out of it are refused). Only images
 * made from the scan are ever sent, never the file itself.
 */
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { isSafeCaseId } from '../../../shared/ipc/schemas'
import { loadCase } from '../case-folder/case-store'
import { ScanImageError, unreadablePlaceholder, type ScanImages, type ScanImageVariant } from './scan-images'
import { CASE_FILE_PREFIX, documentFile, scanIdOf } from './scan-view'

/** What to answer: JPEG bytes, or an HTTP status. */
export type CaseFileResponse =
  { readonly status: 200; readonly body: Buffer; readonly mime: 'image/jpeg' } | { readonly status: 400 | 403 | 404 }

/** The parts of a case-file URL path, or null when it is not one. */
export function parseCaseFilePath(urlPath: string): { caseId: string; scanId: string; variant: string } | null {
  const match = new RegExp(`^/${CASE_FILE_PREFIX}/([^/]+)/(s[0-9a-f]{16})/([a-z][a-zA-Z0-9-]{0,40})\\.jpg$`).exec(urlPath)
  if (!match) return null
  let caseId: string
  try {
    caseId = decodeURIComponent(match[1] as string)
  } catch {
    return null
  }
  if (!isSafeCaseId(caseId)) return null
  return { caseId, scanId: match[2] as string, variant: match[3] as string }
}

/** True for a URL path the case-file server answers (the rest of app:// serves the renderer). */
export function isCaseFilePath(urlPath: string): boolean {
  return urlPath.startsWith(`/${CASE_FILE_PREFIX}/`)
}

/** Builds the request handler over the current workspace's case folders and the image cache. */
export function caseFileServer(folderOf: (caseId: string) => string, images: ScanImages): (urlPath: string) => Promise<CaseFileResponse> {
  return async (urlPath) => {
    const parsed = parseCaseFilePath(urlPath)
    if (!parsed) return { status: 400 }
    let folder: string
    try {
      folder = await realpath(folderOf(parsed.caseId))
    } catch {
      return { status: 404 }
    }
    const loaded = await loadCase(folder)
    if (!loaded.ok) return { status: 404 }
    const doc = loaded.case.documents.find((d) => scanIdOf(d.file) === parsed.scanId)
    const file = doc ? documentFile(folder, doc) : null
    if (!doc || file === null) return { status: 404 }
    let real: string
    try {
      real = await realpath(file)
    } catch {
      return { status: 404 }
    }
    if (!real.startsWith(folder + path.sep)) return { status: 403 }
    const reading = doc.extracted ?? null
    let variant: ScanImageVariant
    if (parsed.variant === 'thumb' || parsed.variant === 'page') variant = { kind: parsed.variant }
    else if (parsed.variant.startsWith('crop-')) {
      const box = reading?.fields[parsed.variant.slice('crop-'.length)]?.box
      if (!box) return { status: 404 }
      variant = { kind: 'crop', box }
    } else return { status: 404 }
    try {
      return { status: 200, body: await images.image(folder, real, reading, variant), mime: 'image/jpeg' }
    } catch (error) {
      if (!(error instanceof ScanImageError)) throw error
      if (variant.kind === 'crop') return { status: 404 }
      return { status: 200, body: await unreadablePlaceholder(), mime: 'image/jpeg' }
    }
  }
}
