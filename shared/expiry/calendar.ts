/**
 * The expiry list as files for other tools: an iCalendar file (RFC 5545) with one all-day event per
 * expiry and a reminder before it, and a CSV for Excel (UTF-8 with a BOM, so Excel reads Chinese
 * correctly, CRLF rows, RFC 4180 quoting). Pure text builders; the caller writes the bytes.
 */
import { addDays, type IsoDate } from '../dates/iso-date'
import { statusDefinition } from '../filing/status'
import { expirySettings, type ExpiryItem } from './expiring'

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped in TEXT values. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** The UTF-8 bytes of one code point (shared/ has no TextEncoder in every build). */
function utf8(ch: string): number[] {
  const c = ch.codePointAt(0) ?? 0
  if (c < 0x80) return [c]
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)]
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
}

/**
 * RFC 5545 3.1: content lines longer than 75 octets are folded (CRLF and one space), never inside
 * a UTF-8 character — a Chinese character is 3 octets, so it is counted in bytes, not characters.
 */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  let limit = 75
  for (const ch of line) {
    const size = utf8(ch).length
    if (bytes + size > limit) {
      out.push(current)
      current = ''
      bytes = 0
      limit = 74 // the leading space of a continuation line is one of its 75 octets
    }
    current += ch
    bytes += size
  }
  out.push(current)
  return out.join('\r\n ')
}

function basicDate(iso: IsoDate): string {
  return iso.replace(/-/g, '')
}

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
}

/** A short, stable hash (FNV-1a, 32 bits) so an event keeps its UID when the file is made again. */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (const byte of [...text].flatMap(utf8)) {
    h ^= byte
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

function itemTitle(item: ExpiryItem): string {
  return `${item.caseName ?? item.caseId}：${item.subject} 到期`
}

/** One VEVENT per item, all-day on the expiry date, with a display alarm N days before. */
export function toIcs(items: readonly ExpiryItem[], now: Date): string {
  const before = expirySettings().reminderDaysBefore
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//ICP Prep//Expiry watch//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  for (const item of items) {
    const description = [
      `${item.subject}（${item.subjectEn}）`,
      `到期 Expires: ${item.date}`,
      `处理 What to do: ${item.fix} ${item.fixEn}`,
      `案件 Case: ${item.caseId}`,
    ].join('\n')
    lines.push(
      'BEGIN:VEVENT',
      `UID:${hash(`${item.caseId}|${item.field}`)}-${basicDate(item.date)}@icp-prep`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${basicDate(item.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(item.date, 1))}`,
      `SUMMARY:${escapeText(itemTitle(item))}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(itemTitle(item))}`,
      `TRIGGER;RELATED=START:-P${before}D`,
      'END:VALARM',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

/** A CSV field: quoted when needed; text that Excel would run as a formula gets a leading apostrophe. */
function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const CSV_BOM = '\uFEFF'

/** The list as CSV for Excel: a BOM, a bilingual header row, one row per item. */
export function toCsv(items: readonly ExpiryItem[]): string {
  const header = [
    '到期日期 Date',
    '剩余天数 Days left',
    '主办单位 Sponsor',
    '项目 Item',
    '备案状态 Filing status',
    '处理办法 What to do',
    '案件文件夹 Case folder',
  ]
  const rows = items.map((item) =>
    [item.date, item.days, item.caseName ?? '', item.subject, statusDefinition(item.filingStatus).label, item.fix, item.caseId].map(
      csvField,
    ),
  )
  return `${CSV_BOM}${[header.map(csvField), ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`
}
