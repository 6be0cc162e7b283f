/**
 * Stored values shown in the interface language. case.json and readings keep language-neutral
 * codes (male, female, long-term) so tools can read them; a person sees 男, 女, 长期 in the Chinese
 * interface. The one table: messages (the rules' Chinese text) and the window both use it.
 */
import type { Language } from './language'

/** Code → [Chinese, English]. Source: the words the ID card and the licence print (性别 男/女, 长期). */
const VALUES: Readonly<Record<string, readonly [string, string]>> = {
  male: ['男', 'male'],
  female: ['女', 'female'],
  'long-term': ['长期', 'long-term'],
}

/** A stored value as the interface shows it; any other value unchanged. */
export function displayValue(value: string, language: Language): string {
  const known = Object.hasOwn(VALUES, value.trim()) ? VALUES[value.trim()] : undefined
  if (!known) return value
  return language === 'en' ? known[1] : known[0]
}

/** Chinese text with every coded word it quotes (…应写作 long-term) in Chinese. */
export function chineseValues(text: string): string {
  // A word of its own, not part of a domain or a name (long-term.cn stays as typed).
  return text.replace(/(?<![\w.-])long-term(?![\w.-])/g, '长期')
}
