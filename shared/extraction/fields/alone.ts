/**
 * What one reading alone gives for a field (sureness.ts asks two independent readings for the
 * same): the field's own interpretation applied to that reading by itself.
 */
import { isValidLegacyRegNo } from '../../ids/legacy-regno'
import { interpretCreditCode, interpretDate, interpretRange, interpretResidentId, type CodeResult, type Reading } from '../interpret'
import type { Alone } from '../sureness'

/** A code valid as read in this reading (no repair, not in doubt). */
const asRead = (c: CodeResult | null): string | null => (c && !c.corrected && !c.field.uncertain ? c.field.value : null)

export const creditCodeAlone: Alone = (r: Reading) => asRead(interpretCreditCode([r]))
export const residentIdAlone: Alone = (r: Reading, today) => asRead(interpretResidentId([r], today))
export const registrationNumberAlone: Alone = (r: Reading) =>
  [...r.text.replace(/\s+/g, '').matchAll(/\d{15}/g)].map((m) => m[0]).find(isValidLegacyRegNo) ?? null
export const dateAlone: Alone = (r: Reading) => interpretDate([r])?.value ?? null
export const rangeFromAlone: Alone = (r: Reading) => interpretRange([r]).from?.value ?? null
export const rangeToAlone: Alone = (r: Reading) => interpretRange([r]).to?.value ?? null
