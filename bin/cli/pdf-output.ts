/**
 * What the commands that print a PDF (`letter`, `checklist`) share: the letter fonts, and writing the
 * file so that a failure names the output the user chose, never the temporary file.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../../electron/services/case-folder/atomic-file'
import { FontUnavailableError, loadLetterFonts, type LetterFonts } from '../../electron/services/letter/fonts'
import { outputFolderProblem, outputReasonOf } from '../../electron/services/output-folder'
import type { CliIo } from './io'

/** The bundled fonts, or null after saying why they cannot be used (an installation fault: exit 3). */
export async function fontsOrSay(io: CliIo): Promise<LetterFonts | null> {
  try {
    return await loadLetterFonts()
  } catch (error) {
    if (!(error instanceof FontUnavailableError)) throw error
    io.stderr(`${error.message}\n`)
    return null
  }
}

/**
 * Writes `pdf` to `output` (making missing folders); false after saying why it could not, e.g. a disk
 * that filled after the up-front folder check. `what` names the document: 承诺书 / The letter.
 */
export async function writePdfOrSay(io: CliIo, output: string, pdf: Uint8Array, what: readonly [string, string]): Promise<boolean> {
  try {
    await mkdir(path.dirname(output), { recursive: true })
    await writeFileAtomic(output, pdf)
    return true
  } catch (error) {
    const reason = outputReasonOf(error)
    if (reason === null) throw error
    const p = outputFolderProblem(reason, path.dirname(output))
    io.stderr(`未能写入${what[0]} ${what[1]} was not written: ${output}\n${p.message}\n${p.messageEn}\n`)
    return false
  }
}
