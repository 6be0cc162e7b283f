/**
 * The window's language: read from the settings store, applied through the one message catalogue.
 * Components call useT() and never hold a string of their own.
 */
import { DEFAULT_LANGUAGE, pickPair, type Language } from '../../shared/i18n/language'
import { translate, type MessageKey } from '../../shared/i18n/messages'
import { useStore } from './state/store'
import { settingsStore } from './state/settings'

/** Looks up a catalogue key in the current language. */
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string

/** The current language (Chinese until the settings say otherwise). */
export function useLanguage(): Language {
  return useStore(settingsStore).settings?.language ?? DEFAULT_LANGUAGE
}

/** A translate function bound to the current language. */
export function useT(): Translate {
  const language = useLanguage()
  return (key, params) => translate(language, key, params)
}

/** Chooses between the two languages of a bilingual value (findings, error envelopes). */
export function bilingual(language: Language, zh: string, en: string): string {
  return pickPair(zh, en, language)
}

/** A date-time as 今天 14:02 / 昨天 09:15 / 2026-11-20, in the user's time zone. */
export function formatWhen(iso: string | null, language: Language, now: Date = new Date()): string {
  if (!iso) return translate(language, 'common.none')
  const when = new Date(iso)
  if (Number.isNaN(when.getTime())) return translate(language, 'common.none')
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = `${pad(when.getHours())}:${pad(when.getMinutes())}`
  const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  const yesterday = new Date(now)
  yesterday.setDate(now.getDate() - 1)
  if (day(when) === day(now)) return translate(language, 'common.today', { time })
  if (day(when) === day(yesterday)) return translate(language, 'common.yesterday', { time })
  return day(when)
}

/** A time of day with seconds, for "saved at". */
export function formatTime(iso: string): string {
  const when = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}`
}
