/** The schema's list limits, enforced where data enters (a save), so no case is written that then fails to open. */
import { AppError } from '../../../shared/ipc/errors'
import { CASE_LIMITS, type Case } from '../../../shared/model/case'

/** Refuses a case past a list limit of the schema with a message that names the list. */
export function refuseBeyondLimits(c: Case): void {
  if (c.documents.length > CASE_LIMITS.documents) throw AppError.limit(CASE_LIMITS.documents, c.documents.length, '扫描件', 'scans')
  if ((c.exports?.length ?? 0) > CASE_LIMITS.exports)
    throw AppError.limit(CASE_LIMITS.exports, c.exports?.length ?? 0, '导出记录', 'export records')
  if (c.websites.length > CASE_LIMITS.websites) throw AppError.limit(CASE_LIMITS.websites, c.websites.length, '网站', 'websites')
}
