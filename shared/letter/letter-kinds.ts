/**
 * The letter's variants and signing-box kinds, apart from template.ts: the stored scan reading
 * (scan-result.ts, part of the case model) needs them, and template.ts imports the case model,
 * so keeping them there made an import cycle (case → extracted → scan-result → template → case).
 */
export const LETTER_VARIANTS = ['unit', 'individual'] as const
export type LetterVariant = (typeof LETTER_VARIANTS)[number]

export const BOX_KINDS = ['signature', 'seal', 'fingerprint'] as const
export type BoxKind = (typeof BOX_KINDS)[number]
