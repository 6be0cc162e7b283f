/** The message catalogue: no key defined twice, both languages present, the same placeholders in each. */
import { describe, expect, it } from 'vitest'
import { catalogueParts, messages, translate } from '../../shared/i18n/messages'

describe('the message catalogue', () => {
  it('defines each key once', () => {
    const seen = new Map<string, string>()
    for (const [part, entries] of Object.entries(catalogueParts)) {
      for (const key of Object.keys(entries)) {
        expect(seen.get(key), `${key} in ${part}`).toBeUndefined()
        seen.set(key, part)
      }
    }
    expect(seen.size).toBe(Object.keys(messages).length)
  })

  it('has Chinese and English for every message, with the same placeholders', () => {
    for (const [key, [zh, en]] of Object.entries(messages)) {
      expect(zh.trim(), key).not.toBe('')
      expect(en.trim(), key).not.toBe('')
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(en), key).toEqual(names(zh))
    }
  })

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'count.errors', { n: 3 })).toBe('3 个错误')
    expect(translate('en', 'count.errors', { n: 3 })).toBe('Errors: 3')
  })
})
