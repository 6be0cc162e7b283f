/**
 * What the CLI says when it cannot start the work (issue 13 item 15): usage errors in Chinese and
 * English for every command; a case.json it may not read says so (not "not valid JSON"); a case.json
 * saved as UTF-16 gets one clear line, without the NUL bytes that would garble a terminal.
 *
 * Root reads any file whatever its mode, so the permission case runs the CLI as `nobody` there
 * (support/cli.ts cliProcessUnprivileged): the EACCES comes from the kernel, not from a stub.
 */
import { chmod, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../bin/cli/main'
import { cli, cliProcessUnprivileged, shareReadOnly } from '../support/cli'
import { sampleCase, writeCaseFolder } from '../support/sample-case'

describe('CLI errors before any work', () => {
  it('says an unknown option in both languages, for every command, and shows the usage', async () => {
    for (const command of COMMANDS) {
      const r = await cli(command.name, '--no-such-option')
      expect(r.code, command.name).toBe(2)
      expect(r.stderr, command.name).toContain('未知选项 Unknown option: --no-such-option')
      expect(r.stderr, command.name).toContain(`用法 Usage: ${command.usage}`)
      expect(r.stderr, command.name).not.toMatch(/positional argument|place it at the end/)
    }
    expect((await cli('pack', 'x', '-o')).stderr).toContain('选项 -o, --output 需要一个值 Option -o, --output needs a value')
    expect((await cli('check', '--json=yes', 'x')).stderr).toContain('选项 --json 不接受值 Option --json takes no value')
  })

  it('says a case.json saved as UTF-16 is UTF-16, with no NUL byte in the output', async () => {
    const folder = await writeCaseFolder()
    const json = JSON.stringify(sampleCase())
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
      Buffer.from(json, 'utf16le'), // without a BOM
    ]) {
      await writeFile(path.join(folder, 'case.json'), bytes)
      for (const argv of [
        ['check', folder],
        ['pack', folder, '-o', path.join(folder, 'x.zip')],
      ]) {
        const r = await cli(...argv)
        expect(r.code, argv[0]).toBe(2)
        expect(r.stderr).toContain('是 UTF-16 编码')
        expect(r.stderr).toContain('is encoded as UTF-16')
        expect(r.stderr + r.stdout).not.toContain('\u0000')
        expect(r.stderr).not.toMatch(/not valid JSON/)
      }
    }
  })

  it('says a case.json it may not read is unreadable, not invalid JSON', async () => {
    const folder = await writeCaseFolder()
    await shareReadOnly(folder)
    await chmod(path.join(folder, 'case.json'), 0o000)
    const out = await mkdtemp(path.join(tmpdir(), 'icp-errors-out-'))
    await chmod(out, 0o777)
    for (const argv of [
      ['check', folder],
      ['pack', folder, '-o', path.join(out, 'x.zip')],
      ['letter', folder, '-o', path.join(out, 'letter.pdf')],
    ]) {
      const r = cliProcessUnprivileged(argv)
      expect(r.code, argv[0]).toBe(2)
      expect(r.stderr).toContain('没有权限读取案件文件')
      expect(r.stderr).toContain('No permission to read the case file')
      expect(r.stderr).not.toMatch(/not valid JSON|Internal error/)
    }
  }, 60_000)
})
