/**
 * Reading names and dates from several readings: the character vote, the priors on names
 * (surnames, the place a licence's code names, the 组织形式) and the date vote that does not take a
 * date cut at a line break for a whole one. Scripted readings, no engine.
 */
import { describe, expect, it } from 'vitest'
import { arabicDate, cutShort, fixDigits, interpretDate, interpretRange } from '../../shared/extraction/date-reads'
import { LARGER_MODEL } from '../../shared/extraction/field-reads'
import { surnameTier } from '../../shared/extraction/name-priors'
import { interpretText, type Reading } from '../../shared/extraction/names'
import { placeLevelsOfArea } from '../../shared/extraction/places'
import { editDistance, voteChars, voteText, type ReadChar } from '../../shared/extraction/vote'

const box = { x: 0, y: 0, width: 100, height: 20 }
/** A reading whose characters carry the given confidences (0..100), the rest 90. */
const read = (text: string, confs: number[] = [], source: Reading['source'] = 'crop'): Reading => {
  const chars: ReadChar[] = [...text].map((ch, i) => ({ ch, confidence: (confs[i] ?? 90) / 100 }))
  return { text, confidence: chars.reduce((s, c) => s + c.confidence, 0) / Math.max(1, chars.length), box, chars, source }
}
const chars = (r: Reading): readonly ReadChar[] => r.chars ?? []

describe('character vote', () => {
  it('aligns readings of different lengths and lets the majority win each position', () => {
    expect(editDistance([...'了丁浩平'], [...'丁浩平'])).toBe(1)
    const v = voteChars([chars(read('了丁浩平', [10])), chars(read('丁浩平')), chars(read('丁浩平'))])
    expect(voteText(v)).toBe('丁浩平')
    expect(v.exact).toBe(2)
  })

  it('weighs each character by its confidence, and says how narrowly it won', () => {
    const v = voteChars([chars(read('蔡舌', [92, 15])), chars(read('蔡磊', [90, 88])), chars(read('蔡乔', [49, 24]))])
    expect(voteText(v)).toBe('蔡磊')
    expect(v.chars[0]?.support).toBe(1)
    expect(v.chars[1]?.support).toBeLessThan(0.6)
    expect(v.chars[1]?.alternatives.map((a) => a.ch)).toEqual(['磊', '乔', '舌'])
  })

  it('keeps a character only one reading saw out, and one most readings saw in', () => {
    expect(voteText(voteChars([chars(read('2034年3月27日')), chars(read('2034年3月2日')), chars(read('2034年3月27日'))]))).toBe(
      '2034年3月27日',
    )
    expect(voteText(voteChars([chars(read('程盛餐饮')), chars(read('程盛x餐饮')), chars(read('程盛餐饮'))]))).toBe('程盛餐饮')
  })

  it('lets two quiet readings that agree outvote one sure reading that dissents', () => {
    // Another model is sure of its misreads too: 丁渊平 at 99 against 丁浩平 twice at 20.
    const v = voteChars([chars(read('丁渊平', [99, 99, 99])), chars(read('丁浩平', [20, 20, 20])), chars(read('丁浩平', [20, 20, 20]))])
    expect(voteText(v)).toBe('丁浩平')
    expect(v.chars[1]?.support).toBeLessThan(0.6)
    // One against one: the more confident wins.
    expect(voteText(voteChars([chars(read('丁渊平', [95])), chars(read('丁浩平', [30]))]))).toBe('丁渊平')
  })
})

describe('names', () => {
  it('is sure only when every reading agrees on every character', () => {
    const same = interpretText([read('丁浩平'), read('丁浩平'), read('丁浩平', [], 'page')], 'person')
    expect(same).toMatchObject({ value: '丁浩平' })
    expect(same?.confidence).toBeGreaterThanOrEqual(0.9)
    const split = interpretText([read('蔡舌', [92, 15]), read('蔡磊', [90, 88]), read('蔡乔', [49, 24])], 'person')
    expect(split?.value).toBe('蔡磊')
    expect(split?.confidence).toBeLessThan(0.85)
    // Read once: never sure, however confident the engine was.
    expect(interpretText([read('丁浩平')], 'person')?.confidence).toBeLessThan(0.85)
  })

  it('takes the larger model’s name when two of its looks agree, not the default model’s repeated misread, and still doubts it', () => {
    // As read from a hold-out ID card: best_int read 萱 as 营 at 24 and 32 px and in black and white.
    const larger = (text: string, confs: number[] = []): Reading => ({ ...read(text, confs), model: LARGER_MODEL })
    const readings = [
      read('熊营佳', [90, 79, 90]),
      read('熊营佳', [90, 86, 90]),
      larger('熊萱佳', [93, 93, 93]),
      larger('熊萱佳'),
      larger('熊萱佳', [85, 85, 85]),
      read('能营佳', [34, 34, 34]),
      read('能营佳', [33, 33, 33], 'page'),
    ]
    const name = interpretText(readings, 'person')
    expect(name?.value).toBe('熊萱佳')
    expect(name?.confidence).toBeLessThan(0.85)
    // Without the larger model (or when its looks disagree) every reading votes, as before.
    expect(
      interpretText(
        readings.filter((r) => r.model !== LARGER_MODEL),
        'person',
      )?.value,
    ).toBe('熊营佳')
    const split = [...readings.slice(0, 2), larger('熊萱佳'), larger('熊莹佳'), ...readings.slice(5)]
    expect(interpretText(split, 'person')?.value).toBe('熊营佳')
    // The larger model and the page pass agreeing against the default model's crops: chosen, never sure.
    const against = interpretText(
      [read('丁渔平'), read('丁渔平'), larger('丁浩平'), larger('丁浩平'), read('丁浩平', [], 'page')],
      'person',
    )
    expect(against?.value).toBe('丁浩平')
    expect(against?.confidence).toBeLessThanOrEqual(0.8)
    // All agreeing: sure as ever.
    expect(
      interpretText([larger('丁浩平'), larger('丁浩平'), read('丁浩平'), read('丁浩平', [], 'page')], 'person')?.confidence,
    ).toBeGreaterThanOrEqual(0.9)
  })

  it('drops a stray character before a surname, and doubts a name that starts with no surname', () => {
    const stray = interpretText([read('了丁浩平'), read('了丁浩平'), read('了丁浩平')], 'person')
    expect(stray?.value).toBe('丁浩平')
    expect(stray?.confidence).toBeLessThan(0.85)
    const none = interpretText([read('页刚'), read('页刚'), read('页刚')], 'person')
    expect(none).toMatchObject({ value: '页刚', uncertain: true })
    expect(none?.confidence).toBeLessThan(0.7)
    // Another reading's common surname is preferred to a character that is none.
    expect(interpretText([read('艺雨梅', [40]), read('邱雨梅', [45]), read('艺雨梅', [35])], 'person')?.value).toBe('邱雨梅')
  })

  it('tells common surnames from listed and unknown ones', () => {
    expect(surnameTier('王伟')).toBe('common')
    expect(surnameTier('欧阳娜娜')).toBe('common')
    expect(surnameTier('汤明')).toBe('listed')
    expect(surnameTier('页刚')).toBe('none')
  })

  it('repairs the place an organisation name starts with from its credit code’s area', () => {
    expect(placeLevelsOfArea('445103')).toEqual([
      ['广东省', '广东'],
      ['潮州市', '潮州'],
      ['潮安区', '潮安'],
    ])
    const name = interpretText([read('测州市程盛餐饮管理有限公司'), read('测州市程盛餐饮管理有限公司')], 'organisation', 3, {
      area: '445103',
    })
    expect(name?.value).toBe('潮州市程盛餐饮管理有限公司')
    // Level by level: after the city only its district, never the city again (a hold-out licence's
    // 「清远市明远智能设备有限公司」 was made 「清远市清远…」 and marked sure).
    const city = interpretText([read('清远市明远智能设备有限公司'), read('清远市明远智能设备有限公司')], 'organisation', 3, {
      area: '441802',
    })
    expect(city?.value).toBe('清远市明远智能设备有限公司')
    // A city read right is never taken for its province one character off (广州 is not 广东).
    const guangzhou = interpretText([read('广州市创汇智能设备有限公司'), read('广州市创汇智能设备有限公司')], 'organisation', 3, {
      area: '440106',
    })
    expect(guangzhou?.value).toBe('广州市创汇智能设备有限公司')
    // Without the code, a place-like token no reading read as a real place is left as read and doubted.
    const alone = interpretText([read('测州市程盛餐饮管理有限公司', [40])], 'organisation', 3)
    expect(alone?.value).toBe('测州市程盛餐饮管理有限公司')
    expect(alone?.confidence).toBeLessThan(0.85)
    // …but a real place another reading saw there is taken.
    const voted = interpretText([read('测州市程盛', [40]), read('潮州市程盛', [50]), read('测州市程盛', [45])], 'organisation', 3)
    expect(voted?.value).toBe('潮州市程盛')
  })

  it('repairs a misread 组织形式 at the end of an organisation name', () => {
    expect(interpretText([read('汕头市创远电子商务有限公忌'), read('汕头市创远电子商务有限公忌')], 'organisation', 3)?.value).toBe(
      '汕头市创远电子商务有限公司',
    )
  })
})

describe('dates', () => {
  it('mends look-alikes inside dates without adding or changing a digit', () => {
    expect(fixDigits('2O22.1O.l1')).toBe('2022.10.11')
    expect(fixDigits('2022:10.11')).toBe('2022.10.11')
    // An ID card's 出生 is printed with spaces: specks and dashes read around 年 and 月.
    expect(fixDigits('1999 - 年 12 . 月 22 日')).toBe('1999年12月22日')
    expect(fixDigits('197/4年2月5日')).toBe('1974年2月5日')
    // A 月 read where the 日 after the day stands.
    expect(fixDigits('1995年2月5月')).toBe('1995年2月5日')
    expect(interpretDate([read('1995年2月5月'), read('1995年2月5日', [], 'page')])).toMatchObject({ value: '1995-02-05' })
    // …a guess, though: 「1965年 9月10日」 read 「1965年-9月9月」 alone is a question, not a date.
    const guessed = interpretDate([read('1965年-9月9月')])
    expect(guessed).toMatchObject({ value: '1965-09-09', uncertain: true })
    expect(guessed?.confidence).toBeLessThan(0.5)
    // Separators between digits are kept where the date has no 年 (2022.10.11).
    expect(fixDigits('2018.11.08-2028.11.08')).toBe('2018.11.08-2028.11.08')
    // A slash read as a stroke too many, only where the digits cannot be a date as read; a guess too.
    expect(fixDigits('2013/03/118')).toBe('2013/03/18')
    expect(fixDigits('2013/03718')).toBe('2013/03/18')
    expect(fixDigits('2013/03/11')).toBe('2013/03/11')
    expect(fixDigits('2013/03/328')).toBe('2013/03/328')
    expect(fixDigits('2034/027/20')).toBe('2034/02/20')
    expect(fixDigits('2034/017/20')).toBe('2034/01/20')
    // Two ways to mend (101: 01 or 10): not mended.
    expect(fixDigits('2034/101/20')).toBe('2034/101/20')
    expect(interpretDate([read('2013/03/118'), read('2013/03/118', [], 'page')])).toMatchObject({ value: '2013-03-18', uncertain: true })
  })

  it('knows a date cut at a line break or a crop edge', () => {
    expect(cutShort('2004年3月28日至2034年3月2')).toBe(true)
    expect(cutShort('2033-09-2')).toBe(true)
    expect(cutShort('2033年09月22日')).toBe(false)
    expect(cutShort('2015.3.1-2035.3.1')).toBe(false)
  })

  it('never completes a cut date into a wrong one when a whole reading exists', () => {
    const r = interpretRange([
      read('2004年3月28日至2034年3月2'),
      read('2004年3月28日至2034年3月27日'),
      read('2004年3月28日至2034年3月2日', [], 'page'),
    ])
    expect(r.from).toMatchObject({ value: '2004-03-28' })
    expect(r.to?.value).toBe('2034-03-27')
    expect(r.to?.confidence).toBeLessThan(0.85)
    // Only a cut reading: shown, but as a question.
    expect(interpretDate([read('2033年09月2')])).toMatchObject({ value: '2033-09-02', uncertain: true })
  })

  it('is sure of a date only when two readings agree and none dissents', () => {
    expect(interpretDate([read('2012年09月22日'), read('2012年09月22日', [], 'page')])?.confidence).toBe(0.95)
    expect(interpretDate([read('2012年09月22日')])?.confidence).toBeLessThan(0.85)
    expect(interpretDate([read('2012年09月22日'), read('2012年09月23日', [], 'page')])?.confidence).toBeLessThan(0.85)
  })
})

describe('dates in Chinese numerals', () => {
  it('reads the 二〇〇九年一月二十一日 of older licences, the 〇 read as 0 too', () => {
    expect(arabicDate('二00九年一月二十一日')).toBe('2009年1月21日')
    expect(arabicDate('二〇一九年十月一日')).toBe('2019年10月1日')
    expect(arabicDate('二〇〇九年十二月三十日')).toBe('2009年12月30日')
    expect(arabicDate('2009年1月21日')).toBe('2009年1月21日')
    const r = interpretRange([read('二00九年一月二十一日 至二0二九年一月二十日')])
    expect(r.from?.value).toBe('2009-01-21')
    expect(r.to?.value).toBe('2029-01-20')
  })
})
