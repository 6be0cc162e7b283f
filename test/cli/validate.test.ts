import { describe, expect, it } from 'vitest'
import { cli, cliProcess } from '../support/cli'

describe('icp-prep validate', () => {
  it('prints one JSON result per value, in input order, and exits 1 when one is invalid', async () => {
    const r = await cli('validate', '--type', 'uscc', '--json', '91350100M000100Y43', '9144030056852D498A', '91110000600037341L')
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>
    expect(out.map((o) => o.value)).toEqual(['91350100M000100Y43', '9144030056852D498A', '91110000600037341L'])
    expect(out.map((o) => o.valid)).toEqual([true, false, true])
    expect(Object.keys(out[0] as object)).toEqual(['value', 'type', 'valid', 'normalised', 'errors', 'warnings', 'suggestions'])
    expect(out[1]?.suggestions).toEqual(['91440300568520498A'])
    expect((out[1]?.errors as Array<{ code: string }>)[0]?.code).toBe('check-character')
  })

  it('exits 0 when all are valid and normalises lower-case x', async () => {
    const r = await cli('validate', '--type', 'resident-id', '--json', '11010519491231002x')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ valid: true, normalised: '11010519491231002X', errors: [], warnings: [] })
  })

  it('normalises as the form and check do: full-width, spaces, 。 in an e-mail, a URL as domain', async () => {
    const mobile = await cli('validate', '--type', 'mobile', '--json', '１３９ ００１３-８０００')
    expect(JSON.parse(mobile.stdout)[0]).toMatchObject({ valid: true, normalised: '13900138000' })
    const email = await cli('validate', '--type', 'email', '--json', 'a.b@c。cn')
    expect(JSON.parse(email.stdout)[0]).toMatchObject({ valid: true, normalised: 'a.b@c.cn' })
    const domain = await cli('validate', '--type', 'domain', '--json', 'http://yunfan-tech.cn./about')
    expect(JSON.parse(domain.stdout)[0]).toMatchObject({ valid: true, normalised: 'yunfan-tech.cn' })
  })

  it('prints a readable line per value without --json', async () => {
    const r = await cli('validate', '--type', 'resident-id', '11010519491231002X', '110105194912310021')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/✓ 有效 valid\s+11010519491231002X（北京市朝阳区·出生 1949-12-31·女）/)
    expect(r.stdout).toMatch(/✗ 无效 invalid 110105194912310021/)
  })

  it('exits 2 on bad usage', async () => {
    expect((await cli('validate', '91350100M000100Y43')).code).toBe(2)
    expect((await cli('validate', '--type', 'passport', 'X')).code).toBe(2)
    expect((await cli('validate', '--type', 'uscc')).code).toBe(2)
    expect((await cli('validate', '--type', 'uscc', '--bogus', 'x')).code).toBe(2)
    expect((await cli('validate', '--type', 'uscc', '--date', '2026-02-30', 'x')).code).toBe(2)
    expect((await cli('nonsense')).code).toBe(2)
  })

  it('works as a real process through bin/icp-prep.js', () => {
    const ok = cliProcess(['validate', '--type', 'uscc', '--json', '91350100M000100Y43'])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)[0].valid).toBe(true)
    const usage = cliProcess(['validate'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/--type/)
    expect(usage.stderr).not.toMatch(/at .*\.ts:\d+/)
  })
})
