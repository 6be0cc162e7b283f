/**
 * The two languages of the interface. Simplified Chinese is the default because the users are
 * Chinese office staff; English is a switch, not a separate product.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const
/** A language code the settings, the menu and the window agree on. */
export type Language = (typeof LANGUAGES)[number]
/** Chinese first: what a new installation shows. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

/** A message in both languages: [Simplified Chinese, English]. */
export type Message = readonly [zh: string, en: string]

/** Picks the message's text for a language and fills `{name}` placeholders. */
export function pick(message: Message, language: Language, params?: Readonly<Record<string, string | number>>): string {
  const text = language === 'en' ? message[1] : message[0]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key]
    return value === undefined ? whole : String(value)
  })
}

/** Picks between a Chinese and an English string carried by data (findings, rule messages). */
export function pickPair(zh: string, en: string, language: Language): string {
  return language === 'en' && en !== '' ? en : zh
}
