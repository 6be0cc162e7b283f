/**
 * The bad-input corpus, part two: case folders whose case.json is broken (not JSON, the wrong
 * shape, written by a newer version, absurdly long, deeply nested, not a file at all) or whose
 * documents point where they must not (absolute paths, `..`, symbolic links out of the case, a
 * link to /dev/zero, a named pipe, a folder), and letter templates that are broken in every way a
 * hand-edited JSON file can be. Each says what the services must answer.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { resourcePath } from '../../electron/services/resources'
import { sampleCase, writeCaseFolder, type EditableCase } from '../support/sample-case'

/** A case.json that cannot be loaded, and the reason loadCase must give. */
export interface BrokenCase {
  readonly name: string
  readonly what: string
  /** The case folder (its case.json is broken). */
  readonly folder: string
  /** loadCase's reason: every command must exit 2 with it, every service refuse with it. */
  readonly reason: 'not-found' | 'too-large' | 'not-utf8' | 'not-json' | 'invalid'
  readonly message: RegExp
}

async function folderWith(parent: string, name: string, content: string | Buffer | null): Promise<string> {
  const folder = path.join(parent, name)
  await mkdir(folder, { recursive: true })
  if (content !== null) await writeFile(path.join(folder, 'case.json'), content)
  return folder
}

/** Case folders whose case.json cannot be used. */
export async function writeBrokenCases(parent: string): Promise<BrokenCase[]> {
  const good = JSON.stringify(sampleCase())
  const long = sampleCase()
  long.sponsor.name = '深'.repeat(10_001)
  let nested = '0'
  for (let i = 0; i < 100_000; i += 1) nested = `[${nested}]`
  const deep = `{"schemaVersion":1,"documents":[{"file":"scans/a.jpg","role":"other","extracted":${nested}}],"websites":${nested}}`
  const cases: Array<Omit<BrokenCase, 'folder'> & { content: string | Buffer | null; directory?: boolean }> = [
    {
      name: 'invalid-json',
      what: 'case.json that is not JSON (cut off)',
      content: good.slice(0, 200),
      reason: 'not-json',
      message: /not valid JSON/,
    },
    { name: 'empty', what: 'empty case.json', content: '', reason: 'not-json', message: /not valid JSON/ },
    {
      name: 'utf16',
      what: 'case.json saved as UTF-16',
      content: Buffer.from(`\ufeff${good}`, 'utf16le'),
      reason: 'not-utf8',
      message: /encoded as UTF-16/,
    },
    { name: 'root-array', what: 'JSON array instead of an object', content: '[1,2,3]', reason: 'invalid', message: /wrong shape/ },
    {
      name: 'wrong-schema',
      what: 'websites is a string, documents hold numbers',
      content: JSON.stringify({ ...sampleCase(), websites: 'example.com', documents: [1, 2] }),
      reason: 'invalid',
      message: /wrong shape/,
    },
    {
      name: 'future-version',
      what: 'schemaVersion 99 (written by a newer version)',
      content: JSON.stringify({ ...sampleCase(), schemaVersion: 99 }),
      reason: 'invalid',
      message: /newer version/,
    },
    { name: 'too-long', what: 'a 10,001-character sponsor name', content: JSON.stringify(long), reason: 'invalid', message: /wrong shape/ },
    { name: 'deep', what: 'arrays nested 100,000 deep', content: deep, reason: 'invalid', message: /wrong shape|not valid JSON/ },
    {
      name: 'huge',
      what: '25 MB case.json',
      content: JSON.stringify({ ...sampleCase(), remark: null, padding: 'x'.repeat(25 << 20) }),
      reason: 'too-large',
      message: /too large/,
    },
    { name: 'missing', what: 'folder without case.json', content: null, reason: 'not-found', message: /No case file/ },
    { name: 'directory', what: 'case.json is a folder', content: null, directory: true, reason: 'not-found', message: /No case file/ },
  ]
  const out: BrokenCase[] = []
  for (const { content, directory, ...c } of cases) {
    const folder = await folderWith(parent, c.name, content)
    if (directory) mkdirSync(path.join(folder, 'case.json'))
    out.push({ ...c, folder })
  }
  const devZero = await folderWith(parent, 'dev-zero', null)
  symlinkSync('/dev/zero', path.join(devZero, 'case.json'))
  out.push({ name: 'dev-zero', what: 'case.json is a link to /dev/zero', folder: devZero, reason: 'not-found', message: /No case file/ })
  const fifo = await folderWith(parent, 'fifo', null)
  execFileSync('mkfifo', [path.join(fifo, 'case.json')])
  out.push({ name: 'fifo', what: 'case.json is a named pipe', folder: fifo, reason: 'not-found', message: /No case file/ })
  return out
}

/** How each hostile document entry of the escape case must be judged. */
export interface HostileDocument {
  readonly file: string
  readonly what: string
  /** The rule `check` must report for it. */
  readonly rule: 'document-path-unsafe' | 'document-file-missing'
}

/**
 * A complete, correct case (so every good document is packed) plus documents that point outside
 * the case or at things that are not files. `secret` is a real JPEG outside the case: it must
 * never be read, stored or packed.
 */
export async function writeEscapeCase(parent?: string): Promise<{ folder: string; secret: string; hostile: HostileDocument[] }> {
  const outside = await mkdtemp(path.join(parent ?? tmpdir(), 'icp-outside-'))
  const secret = path.join(outside, 'someone-else-id.jpg')
  const data: EditableCase = sampleCase()
  const folder = await writeCaseFolder(data, parent)
  // A real scan outside the case, unlike any scan inside it: the one a link would smuggle in.
  await writeFile(
    secret,
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3060c0' } })
      .jpeg()
      .toBuffer(),
  )
  await writeFile(path.join(path.dirname(folder), 'outside.jpg'), await readFile(secret))
  const hostile: HostileDocument[] = [
    { file: secret, what: 'absolute path to a file outside the case', rule: 'document-path-unsafe' },
    { file: '../outside.jpg', what: '`..` path to a file beside the case', rule: 'document-path-unsafe' },
    { file: 'scans/./../../outside.jpg', what: '`.` and `..` segments', rule: 'document-path-unsafe' },
    { file: 'scans\\..\\..\\outside.jpg', what: 'Windows separators with `..`', rule: 'document-path-unsafe' },
    { file: 'scans/link-out.jpg', what: 'symbolic link to a file outside the case', rule: 'document-path-unsafe' },
    { file: 'linked/other.jpg', what: 'file inside a linked folder that lies outside the case', rule: 'document-path-unsafe' },
    { file: 'scans/dev-zero.jpg', what: 'symbolic link to /dev/zero', rule: 'document-path-unsafe' },
    { file: 'scans/pipe.jpg', what: 'named pipe (a read would block forever)', rule: 'document-file-missing' },
    { file: 'scans/folder.jpg', what: 'a folder named .jpg', rule: 'document-file-missing' },
  ]
  symlinkSync(secret, path.join(folder, 'scans', 'link-out.jpg'))
  symlinkSync(outside, path.join(folder, 'linked'))
  await writeFile(path.join(outside, 'other.jpg'), await readFile(secret))
  symlinkSync('/dev/zero', path.join(folder, 'scans', 'dev-zero.jpg'))
  execFileSync('mkfifo', [path.join(folder, 'scans', 'pipe.jpg')])
  mkdirSync(path.join(folder, 'scans', 'folder.jpg'))
  data.documents.push(...hostile.map((h) => ({ file: h.file, role: 'other', keep: true })))
  await writeFile(path.join(folder, 'case.json'), JSON.stringify(data, null, 2))
  return { folder, secret, hostile }
}

/** A letter template file and whether it must be accepted. */
export interface TemplateCase {
  readonly name: string
  readonly what: string
  readonly path: string
  /** Refused with at least one problem matching this (exit 2), or null when accepted. */
  readonly problem: RegExp | null
}

/** Broken (and a few odd but valid) letter templates, written into `dir`. */
export async function writeTemplateCorpus(dir: string): Promise<TemplateCase[]> {
  const bundled = JSON.parse(await readFile(resourcePath('templates', 'gd-commitment-unit.json'), 'utf8')) as Record<string, unknown>
  const edit = (change: (t: Record<string, unknown>) => void): string => {
    const t = structuredClone(bundled)
    change(t)
    return JSON.stringify(t)
  }
  const items: Array<{ name: string; what: string; content: string | Buffer | null; problem: RegExp | null }> = [
    { name: 'not-json.json', what: 'not JSON', content: '{ "format": "icp-prep-letter-template", ', problem: /not valid JSON/ },
    { name: 'empty.json', what: 'empty file', content: '', problem: /not valid JSON/ },
    { name: 'array.json', what: 'a JSON array', content: '[]', problem: /\(root\)/ },
    {
      name: 'binary.json',
      what: 'a PNG renamed .json',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      problem: /not valid JSON/,
    },
    { name: 'huge.json', what: '2 MB file', content: JSON.stringify({ pad: 'x'.repeat(2 << 20) }), problem: /too large/ },
    { name: 'missing.json', what: 'no such file', content: null, problem: /not found/ },
    { name: 'wrong-format.json', what: 'another format name', content: edit((t) => (t.format = 'word-docx')), problem: /format/ },
    { name: 'no-clauses.json', what: 'no clauses', content: edit((t) => (t.clauses = [])), problem: /clauses/ },
    {
      name: 'unknown-placeholder.json',
      what: 'a placeholder the letter cannot fill',
      content: edit((t) => (t.clauses = ['本单位承诺 {bankAccount} 真实有效。'])),
      problem: /unknown placeholder/,
    },
    {
      name: 'braces.json',
      what: 'unbalanced braces',
      content: edit((t) => (t.clauses = ['本单位承诺 {sponsorName 真实。'])),
      problem: /unbalanced/,
    },
    {
      name: 'overlap.json',
      what: 'boxes on top of each other',
      content: edit((t) => {
        const sig = t.signature as { items: Array<Record<string, unknown>> }
        const boxes = sig.items.filter((i) => i.type === 'box')
        if (boxes[0] && boxes[1]) Object.assign(boxes[1], { x: boxes[0].x, y: boxes[0].y })
      }),
      problem: /overlaps/,
    },
    {
      name: 'off-page.json',
      what: 'a box off the page',
      content: edit((t) => {
        const sig = t.signature as { items: Array<Record<string, unknown>> }
        const box = sig.items.find((i) => i.type === 'box')
        if (box) box.x = 500
      }),
      problem: /outside the signature block/,
    },
    { name: 'glyph.json', what: 'a character the font lacks (𠮷)', content: edit((t) => (t.title = '𠮷承诺书')), problem: /no glyph/ },
    {
      name: 'nan.json',
      what: 'numbers written as strings and NaN-like values',
      content: edit((t) => ((t.page as Record<string, unknown>).bodySize = 'twelve')),
      problem: /bodySize/,
    },
    {
      name: 'long.json',
      what: 'valid but very long: 20 clauses of 2,000 characters',
      content: edit(
        (t) => (t.clauses = Array.from({ length: 20 }, (_, i) => `第${i + 1}条：${'本单位保证所提交的信息真实、准确、完整。'.repeat(95)}`)),
      ),
      problem: null,
    },
  ]
  await mkdir(dir, { recursive: true })
  const out: TemplateCase[] = []
  for (const item of items) {
    const file = path.join(dir, item.name)
    if (item.content !== null) await writeFile(file, item.content)
    out.push({ name: item.name, what: item.what, path: file, problem: item.problem })
  }
  return out
}
