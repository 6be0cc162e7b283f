/**
 * The letter and export channels: preview the Guangdong letter, save it (native save dialog) or
 * hand it to the system PDF viewer to print; plan an export, run it as a job after the native
 * save dialog, and show the newest package in the file manager.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Handlers } from '../../../shared/ipc/contract'
import { translate } from '../../../shared/i18n/messages'
import { AppError } from '../../../shared/ipc/errors'
import { safeNamePart } from '../../../shared/package/plan'
import { writeFileAtomic } from '../case-folder/atomic-file'
import { toJobResult } from '../jobs'
import { exportPlan, newestExportFile, planOf, runExport } from '../export/export-case'
import { letterPdf, letterPreview } from '../export/letter-output'
import type { AppServices, WorkspaceRegistry } from './app-services'

type OutputChannels = 'letter.preview' | 'letter.save' | 'letter.print' | 'export.plan' | 'export.start' | 'export.reveal'

/** Letters handed to the PDF viewer are kept this long (the viewer may still have them open). */
const PRINT_KEEP_MS = 24 * 60 * 60 * 1000

async function writeOut(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, Buffer.from(bytes))
  } catch (error) {
    throw AppError.fromIo(error)
  }
}

/** A private folder for letters to print; older ones are removed on the way. */
async function printFolder(cacheDir: string, now: number): Promise<string> {
  const dir = path.join(cacheDir, 'print')
  await mkdir(dir, { recursive: true, mode: 0o700 })
  for (const name of await readdir(dir).catch(() => [])) {
    const file = path.join(dir, name)
    const info = await stat(file).catch(() => null)
    if (info && now - info.mtimeMs > PRINT_KEEP_MS) await rm(file, { recursive: true, force: true })
  }
  return dir
}

/** Builds the letter and export handlers over the shared workspace registry. */
export function outputHandlers(services: AppServices, workspaces: WorkspaceRegistry): Pick<Handlers, OutputChannels> {
  const caseOf = async (caseId: string) => (await workspaces.current().open(caseId)).case

  return {
    'letter.preview': async ({ caseId }) => letterPreview(await caseOf(caseId), services.today()),
    'letter.save': async ({ caseId }) => {
      const { pdf, name } = await letterPdf(await caseOf(caseId), services.today())
      const target = await services.chooseSaveFile({ name, kind: 'pdf' })
      if (target === null) return { saved: false, name: null }
      await writeOut(target, pdf)
      return { saved: true, name: path.basename(target) }
    },
    'letter.print': async ({ caseId }) => {
      const { pdf, name } = await letterPdf(await caseOf(caseId), services.today())
      const dir = await printFolder(services.cacheDir, services.now().getTime())
      // One folder per case, so two cases' letters never replace each other while a viewer has one open.
      const folder = path.join(dir, createHash('sha256').update(caseId).digest('hex').slice(0, 12))
      await mkdir(folder, { recursive: true, mode: 0o700 })
      const file = path.join(folder, name)
      await writeOut(file, pdf)
      await services.openFile(file)
      return { opened: true }
    },
    'export.plan': async ({ caseId, provider }) => exportPlan(workspaces.current(), caseId, provider),
    'export.start': async ({ caseId, provider, force }) => {
      const workspace = workspaces.current()
      // One read of the case for the plan, the file name and the export record count.
      const opened = await workspace.open(caseId)
      const plan = await planOf(workspace, opened, provider)
      if (plan.provider !== provider) throw AppError.of('bad-input')
      if (plan.errors > 0 && !force) throw AppError.of('export-refused', { n: plan.errors })
      const c = opened.case
      const who = safeNamePart(c.sponsor.name?.trim() || caseId)
      const name = translate('zh-CN', 'export.fileName', { who, date: services.today() })
      const output = await services.chooseSaveFile({ name, kind: 'zip' })
      if (output === null) return { jobId: null, cancelled: true }
      const jobId = services.jobs.start('export', async ({ signal, progress }) => {
        const result = await runExport(workspace, caseId, {
          output,
          provider,
          force,
          opened: opened.case,
          today: services.today(),
          now: () => services.now(),
          signal,
          onProgress: (p) => {
            const step = translate('zh-CN', `export.phase.${p.phase}`)
            const stepEn = translate('en', `export.phase.${p.phase}`)
            progress(Math.round(p.fraction * 100), 100, { message: step, messageEn: stepEn })
          },
        })
        return toJobResult(result)
      })
      return { jobId, cancelled: false }
    },
    'export.reveal': async ({ caseId }) => {
      const file = await newestExportFile(await caseOf(caseId))
      if (file === null) throw AppError.of('no-export')
      await services.showFile(file)
      return {}
    },
  }
}
