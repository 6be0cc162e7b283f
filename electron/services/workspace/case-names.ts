/** What a new case folder is called: after the customer, so a person looking in the workspace can tell them apart. */
import { randomBytes } from 'node:crypto'
import { isSafeCaseId } from '../../../shared/ipc/schemas'

/** The name of a case with no customer yet (新建案件): 新案件-7f3a. */
export const UNNAMED_CASE = '新案件'

/**
 * A new case's folder name, after the customer: the sponsor name, then a short id that keeps two
 * customers of one name apart — 深圳市云帆网络科技有限公司-7f3a. Characters no file system takes are
 * dropped; with no usable name it is 新案件-7f3a. (Folders were named by a time stamp before; a
 * person looking in the workspace folder could not tell the customers apart.)
 */
export function newCaseId(name?: string | null): string {
  const cleaned = [...(name ?? '').normalize('NFC')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && !'\\/<>:"|?*'.includes(ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100)
  const id = `${cleaned || UNNAMED_CASE}-${randomBytes(2).toString('hex')}`
  return isSafeCaseId(id) ? id : `${UNNAMED_CASE}-${randomBytes(2).toString('hex')}`
}
