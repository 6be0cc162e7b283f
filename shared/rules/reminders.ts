/**
 * What a filing needs that the app cannot check offline (真实性核验, DNS during review, the 备案号 in
 * the footer once filed): reminders for the report, info level and never blocking. Kept out of
 * checkCase on purpose, so a complete case still has no findings and nothing else changes status.
 */
import { z } from 'zod'
import remindersData from '../data/reminders.json' with { type: 'json' }
import type { Case } from '../model/case'

export const ReminderSchema = z.object({
  code: z.string().regex(/^reminder-[a-z0-9-]+$/),
  message: z.string().min(1),
  messageEn: z.string().min(1),
  source: z.string().min(20),
  verified: z.boolean(),
})
export type Reminder = z.infer<typeof ReminderSchema> & { readonly severity: 'info' }

const REMINDERS = z.object({ source: z.string(), updated: z.string(), reminders: z.array(ReminderSchema) }).parse(remindersData).reminders

/** The reminders for a case; none for filings that remove something (注销, 取消接入: nothing is reviewed). */
export function remindersFor(c: Pick<Case, 'filingType'>): Reminder[] {
  const type = (c.filingType ?? '').trim()
  if (type.startsWith('注销') || type === '取消接入') return []
  return REMINDERS.map((r) => ({ ...r, severity: 'info' as const }))
}
