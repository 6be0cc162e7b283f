/**
 * Turning the bytes of a case.json into text, and a failed read into a reason a person can act on:
 * no read permission is not "not valid JSON", and a file saved as UTF-16 (Windows Notepad's
 * "Unicode") is named as such instead of printing its NUL bytes to the terminal.
 */

export interface CaseTextProblem {
  readonly reason: 'unreadable' | 'not-utf8'
  readonly message: string
  readonly messageEn: string
}

/** The problem a failed read of `file` means, or null when the error is not one of these. */
export function caseReadProblem(file: string, error: unknown): CaseTextProblem | null {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'EACCES' || code === 'EPERM')
    return {
      reason: 'unreadable',
      message: `没有权限读取案件文件 ${file}（请检查文件权限）`,
      messageEn: `No permission to read the case file ${file} (check its permissions)`,
    }
  return null
}

const UTF16_LE_BOM = [0xff, 0xfe]
const UTF16_BE_BOM = [0xfe, 0xff]

/** The case.json text (UTF-8, a BOM dropped), or why the bytes are not UTF-8 text. */
export function caseText(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: CaseTextProblem } {
  const starts = (bom: number[]) => bom.every((b, i) => bytes[i] === b)
  const nul = bytes.indexOf(0)
  if (starts(UTF16_LE_BOM) || starts(UTF16_BE_BOM) || nul !== -1) {
    const utf16 = starts(UTF16_LE_BOM) || starts(UTF16_BE_BOM) || (nul !== -1 && nul < 4)
    return {
      ok: false,
      problem: {
        reason: 'not-utf8',
        message: utf16
          ? `案件文件 ${file} 是 UTF-16 编码（例如记事本的“Unicode”），请另存为 UTF-8`
          : `案件文件 ${file} 含有空字节，不是文本文件`,
        messageEn: utf16
          ? `The case file ${file} is encoded as UTF-16 (e.g. Notepad's "Unicode"); save it as UTF-8`
          : `The case file ${file} contains NUL bytes; it is not a text file`,
      },
    }
  }
  return {
    ok: true,
    text: Buffer.from(bytes)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  }
}

/** A parser's message made safe for a terminal: control characters written as \uXXXX. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
