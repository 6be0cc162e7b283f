/** The status of a case as a coloured tag: grey 资料不全, amber 待核对, green 可提交, blue 已导出. */
import type { ReactElement } from 'react'
import type { CaseStatus } from '../../../shared/ipc/schemas'
import { useT } from '../i18n'

/** One tag per status, the same in the list and the case header. */
export function StatusBadge({ status }: { status: CaseStatus }): ReactElement {
  const t = useT()
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  )
}
