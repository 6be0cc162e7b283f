/**
 * The handlers of many customers (issue 17): filing status changes, the status dialog's catalogue,
 * and the expiry watch across the workspace with its .ics and CSV files.
 */
import path from 'node:path'
import { toCsv, toIcs } from '../../../shared/expiry/calendar'
import { expiringItems, expirySettings } from '../../../shared/expiry/expiring'
import { rejectionReasons, statusDefinitions } from '../../../shared/filing/status'
import { translate } from '../../../shared/i18n/messages'
import type { Handlers } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import { packageData } from '../../../shared/package/package-data'
import { writeFileAtomic } from '../case-folder/atomic-file'
import type { AppServices, WorkspaceRegistry } from './app-services'

type FleetChannels = 'case.setStatus' | 'filing.catalogue' | 'expiry.list' | 'expiry.export'

export function fleetHandlers(services: AppServices, workspaces: WorkspaceRegistry): Pick<Handlers, FleetChannels> {
  const items = async (query: { within?: number | undefined; all?: boolean | undefined }) =>
    expiringItems(await workspaces.current().cases(), {
      today: services.today(),
      ...(query.within !== undefined ? { within: query.within } : {}),
      all: query.all === true,
    })

  return {
    'case.setStatus': async ({ caseId, ...change }) => workspaces.current().setFilingStatus(caseId, change),
    'filing.catalogue': async ({ caseId }) => {
      const history = caseId !== undefined ? ((await workspaces.current().open(caseId)).case.filing?.history ?? []) : []
      return {
        statuses: statusDefinitions().map((s) => ({ ...s })),
        reasons: rejectionReasons().map((r) => ({ code: r.code, label: r.label, labelEn: r.labelEn, rule: r.rule ?? null })),
        providers: packageData().providers.map((p) => ({ name: p.name, label: p.label, labelEn: p.labelEn })),
        history,
      }
    },
    'expiry.list': async (query) => ({ items: await items(query), today: services.today(), badgeWithin: expirySettings().badgeWithin }),
    'expiry.export': async ({ format, ...query }) => {
      const list = await items(query)
      const language = services.settings.get().language
      const name = translate(language, 'expiry.fileName', { date: services.today(), ext: format })
      const target = await services.chooseSaveFile({ name, kind: format })
      if (target === null) return { saved: false, name: null }
      const text = format === 'ics' ? toIcs(list, services.now()) : toCsv(list)
      try {
        await writeFileAtomic(target, Buffer.from(text, 'utf8'))
      } catch (error) {
        throw AppError.fromIo(error)
      }
      return { saved: true, name: path.basename(target) }
    },
  }
}
