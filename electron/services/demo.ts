/**
 * The whole job, headless, on the bundled sample case (resources/sample-case): copy it, read its
 * scans, check it, print the Guangdong letter and pack the zip — the same services the app and
 * the CLI use, in the order a person would. It is how a new user (or CI) sees the product work
 * without a display.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { IsoDate } from '../../shared/dates/iso-date'
import { checkCase, type Finding } from '../../shared/rules/engine'
import { readCaseDocuments, type ReadSummary } from './case-folder/case-documents'
import { caseFileFacts, loadCase } from './case-folder/case-store'
import { todayIso } from './clock'
import { generateLetter } from './letter'
import { packCase, type PackOutcome, type PackProgress } from './package/pack-case'
import { resourcePath } from './resources'

export const SAMPLE_CASE_DIR = 'sample-case'
export const DEMO_LETTER = '承诺书-待签字.pdf'
export const DEMO_ZIP = '备案材料.zip'

export type DemoStep = 'copy' | 'read' | 'check' | 'letter' | 'pack'

export interface DemoOptions {
  readonly provider?: string
  /** Submission date; default the sample case's own. */
  readonly date?: IsoDate
  readonly today?: IsoDate
  readonly onStep?: (step: DemoStep, detail?: string) => void
  readonly onReadProgress?: (done: number, total: number, file: string) => void
  readonly onPackProgress?: (p: PackProgress) => void
  readonly signal?: AbortSignal
}

export interface DemoResult {
  /** The copied case folder, with what OCR read stored in its case.json. */
  readonly caseFolder: string
  readonly read: ReadSummary
  /** Findings of `check` after reading the scans. */
  readonly findings: readonly Finding[]
  /** The printable (unsigned) letter, or null when the case could not produce one. */
  readonly letter: string | null
  readonly pack: PackOutcome
}

/** Runs the sample filing from scans to zip in `outDir` (created if missing). */
export async function runDemo(outDir: string, options: DemoOptions = {}): Promise<DemoResult> {
  const today = options.today ?? todayIso()
  const caseFolder = path.join(path.resolve(outDir), SAMPLE_CASE_DIR)
  options.onStep?.('copy', caseFolder)
  await mkdir(path.dirname(caseFolder), { recursive: true })
  await cp(resourcePath(SAMPLE_CASE_DIR), caseFolder, { recursive: true, force: true, errorOnExist: false })

  options.onStep?.('read')
  const read = await readCaseDocuments(caseFolder, {
    today,
    ...(options.onReadProgress ? { onProgress: options.onReadProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })

  options.onStep?.('check')
  const loaded = await loadCase(caseFolder)
  if (!loaded.ok) throw new Error(`${loaded.message} ${loaded.messageEn}`)
  const dated = { today, ...(options.date ? { date: options.date } : {}) }
  const findings = checkCase(loaded.case, { ...dated, files: caseFileFacts(caseFolder) })

  options.onStep?.('letter')
  const letter = await generateLetter(loaded.case, dated)
  let letterFile: string | null = null
  if (letter.pdf) {
    letterFile = path.join(path.resolve(outDir), DEMO_LETTER)
    await writeFile(letterFile, letter.pdf)
  }

  options.onStep?.('pack')
  const pack = await packCase(caseFolder, {
    output: path.join(path.resolve(outDir), DEMO_ZIP),
    today,
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.date ? { date: options.date } : {}),
    ...(options.onPackProgress ? { onProgress: options.onPackProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  return { caseFolder, read, findings, letter: letterFile, pack }
}
