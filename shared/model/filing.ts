/**
 * The filing status history of a case (issue 17): what happened to it after the package was made —
 * 准备中 → 已导出 → 已提交 → 初审驳回 / 管局退回 → 已备案 → 变更中 / 注销. Stored in case.json under
 * `filing.history`, oldest first, appended (never rewritten) by the status service and the export.
 *
 * Cases written before this block have no `filing` key; they keep loading, and their status is
 * derived from the export records (filing/status.ts currentFiling), so no migration is written.
 */
import { z } from 'zod'
import { FILING_STATUSES } from './filing-statuses'

export { FILING_STATUSES, type FilingStatus } from './filing-statuses'

/** How many status changes one case keeps (far beyond any real filing's life). */
export const FILING_HISTORY_LIMIT = 500

const Short = z.string().max(200).optional()

/** One status change: its status, the day it happened, and what that stage records. */
export const FilingEventSchema = z.looseObject({
  status: z.enum(FILING_STATUSES),
  /** The day it happened (ISO date), as the person gave it. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** When it was recorded (ISO date-time). */
  at: z.string().max(40).optional(),
  /** 已提交: the provider (providers.json name) and its order number (订单号 / 备案订单号). */
  provider: Short,
  orderNumber: Short,
  /** 初审驳回 / 管局退回: the reason as typed, or its code in rejection-reasons.json. */
  reason: z.string().max(2000).optional(),
  reasonCode: Short,
  /** 已备案: the 主体备案号 (粤ICP备2026012345号) and each website's number (…号-1). */
  filingNumber: Short,
  siteNumbers: z.array(z.string().max(200)).max(100).optional(),
  /** 导出 recorded it (an automatic entry), not a person. */
  auto: z.boolean().optional(),
  note: z.string().max(2000).optional(),
})
export type FilingEvent = z.output<typeof FilingEventSchema>

export const FilingSchema = z.looseObject({
  history: z.array(FilingEventSchema).max(FILING_HISTORY_LIMIT).optional().default([]),
})
export type Filing = z.output<typeof FilingSchema>
