/**
 * The offline promise, tested: the product's commands run with a guard that records every network
 * attempt (TCP, TLS, DNS, HTTP, fetch, UDP), inside an empty network namespace where available,
 * and must attempt none. Each command added to the CLI gets a line here.
 */
import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runGuarded } from '../support/offline'
import { writeCaseFolder } from '../support/sample-case'

describe('offline guarantee', () => {
  it('the guard itself sees attempts (so this test can fail)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'icp-net-'))
    const script = path.join(dir, 'leak.mjs')
    writeFileSync(
      script,
      `import net from 'node:net'
       try { await fetch('https://example.com/') } catch {}
       try { net.connect(443, 'example.com') } catch {}
       try { (await import('node:dns')).lookup('example.com', () => {}) } catch {}`,
    )
    const r = runGuarded([], { script })
    expect(r.attempts.map((a) => a.split(' ')[1])).toEqual(['fetch', 'tcp', 'dns.lookup'])
  })

  it('validate and check attempt no connection', async () => {
    const folder = await writeCaseFolder()
    const runs = [runGuarded(['validate', '--type', 'uscc', '91350100M000100Y43']), runGuarded(['check', '--json', folder])]
    for (const r of runs) {
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(r.attempts).toEqual([])
    }
  })
})
