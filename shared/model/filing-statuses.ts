/** The filing statuses as a plain list (no zod), so the window can import them without the schema library. */
export const FILING_STATUSES = [
  'preparing',
  'exported',
  'submitted',
  'rejected-provider',
  'rejected-bureau',
  'filed',
  'changing',
  'cancelled',
] as const
export type FilingStatus = (typeof FILING_STATUSES)[number]
