/**
 * Where the bundled runtime data lives: OCR models, fonts, letter templates, the sample case.
 *
 * In a packaged app electron-builder puts them under process.resourcesPath (a Node global in
 * Electron's main process, so no 'electron' import is needed); in development, the CLI and tests
 * they are in the repository's resources/ folder. ICP_PREP_RESOURCES overrides both.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

const REPO_RESOURCES = path.resolve(import.meta.dirname, '../../resources')

export function resourcesDir(): string {
  const override = process.env.ICP_PREP_RESOURCES
  if (override) return path.resolve(override)
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  if (packaged && existsSync(path.join(packaged, 'tessdata'))) return packaged
  return REPO_RESOURCES
}

/** A path inside the resources folder, e.g. resourcePath('tessdata', 'eng.traineddata.gz'). */
export function resourcePath(...parts: string[]): string {
  return path.join(resourcesDir(), ...parts)
}
