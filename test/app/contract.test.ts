/**
 * The IPC contract and dispatch(): every channel has a handler, every bad payload is refused before
 * a handler runs, unknown channels are refused, failures come back as JSON-safe envelopes that leak
 * nothing, and outputs are validated too.
 */
import { describe, expect, it } from 'vitest'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels'
import { contract, events, type Handlers } from '../../shared/ipc/contract'
import { dispatch } from '../../shared/ipc/dispatch'
import { AppError } from '../../shared/ipc/errors'
import { makeTestApp } from '../support/app-services'

/** Payloads no channel accepts. */
const GARBAGE: unknown[] = [undefined, null, 42, 'case', [], { caseId: 7 }, { unexpected: true }, { caseId: '../..', extra: 1 }]

describe('the IPC contract', () => {
  it('defines exactly the channels and events the preload knows', () => {
    expect(Object.keys(contract).sort()).toEqual([...INVOKE_CHANNELS].sort())
    expect(Object.keys(events).sort()).toEqual([...EVENT_CHANNELS].sort())
  })

  it('has a handler for every channel, and no handler without a channel', async () => {
    const app = await makeTestApp()
    expect(Object.keys(app.handlers).sort()).toEqual([...INVOKE_CHANNELS].sort())
    for (const channel of INVOKE_CHANNELS) expect(typeof app.handlers[channel]).toBe('function')
  })

  it('refuses bad payloads on every channel before any handler runs', async () => {
    const called: string[] = []
    const spy = Object.fromEntries(
      INVOKE_CHANNELS.map((c) => [
        c,
        async () => {
          called.push(c)
          throw new Error('must not be called')
        },
      ]),
    ) as unknown as Handlers
    for (const channel of INVOKE_CHANNELS) {
      for (const raw of GARBAGE) {
        if (contract[channel].input.safeParse(raw).success) continue // e.g. {} for a channel without input
        const envelope = await dispatch(spy, channel, raw)
        expect(envelope, `${channel} ${JSON.stringify(raw)}`).toMatchObject({ ok: false, error: { code: 'bad-input' } })
      }
    }
    expect(called).toEqual([])
  })

  it('refuses ids that could leave the workspace', async () => {
    const app = await makeTestApp()
    for (const caseId of ['..', '.', '../x', 'a/b', 'a\\b', '', '.hidden', 'x\0y', 'C:evil', 'x'.repeat(121), 'trailing.']) {
      expect(await dispatch(app.handlers, 'case.open', { caseId }), caseId).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    }
  })

  it('refuses malformed scan, letter and export requests before a handler sees them', async () => {
    const app = await makeTestApp()
    const id = 's0123456789abcdef'
    for (const [channel, raw] of [
      ['scan.add', { caseId: 'c', paths: [] }],
      ['scan.add', { caseId: 'c', paths: Array.from({ length: 1001 }, () => '/x.jpg') }],
      ['scan.add', { caseId: 'c', paths: ['/x.jpg'], role: 'passport' }],
      ['scan.add', { caseId: 'c', paths: ['/x.jpg'], extra: 1 }],
      ['scan.add', { caseId: 'c', paths: ['x'.repeat(4097)] }],
      ['scan.update', { caseId: 'c', scanId: '../scans/x.jpg', role: 'other', website: null }],
      ['scan.update', { caseId: 'c', scanId: id, role: 'other', website: -1 }],
      ['scan.misread', { caseId: 'c', scanId: '../scans/x.jpg', field: 'entityName', misread: true }],
      ['scan.misread', { caseId: 'c', scanId: id, field: '', misread: true }],
      ['scan.misread', { caseId: 'c', scanId: id, field: 'entityName', misread: 'yes' }],
      ['scan.remove', { caseId: '..', scanId: id }],
      ['scan.pick', { caseId: 'c', folders: 'yes' }],
      ['scan.read', { caseId: 'c', scanIds: [id] }],
      ['letter.save', { caseId: 'c', path: '/tmp/x.pdf' }],
      ['letter.print', {}],
      ['export.start', { caseId: 'c', provider: 'tencent' }],
      ['export.start', { caseId: 'c', provider: '', force: false }],
      ['export.start', { caseId: 'c', provider: 'tencent', force: true, output: '/etc/x.zip' }],
      ['export.plan', { caseId: 'c', provider: 'x'.repeat(101) }],
      ['export.reveal', { caseId: 'c', file: '/etc' }],
    ] as const) {
      expect(await dispatch(app.handlers, channel, raw), `${channel} ${JSON.stringify(raw).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'bad-input' },
      })
    }
  })

  it('never answers with a file system path', async () => {
    const app = await makeTestApp()
    const created = await dispatch(app.handlers, 'case.create', {})
    if (!created.ok) throw new Error('create')
    const caseId = (created.value as { id: string }).id
    for (const [channel, input] of [
      ['scan.list', { caseId }],
      ['export.plan', { caseId }],
      ['letter.preview', { caseId }],
    ] as const) {
      const envelope = await dispatch(app.handlers, channel, input)
      expect(envelope.ok, channel).toBe(true)
      expect(JSON.stringify(envelope), channel).not.toContain(app.root)
    }
  })

  it('refuses unknown channels, whatever their type', async () => {
    const app = await makeTestApp()
    for (const channel of ['fs.readFile', 'case.open ', '__proto__', 'constructor', 42, null, undefined, { toString: () => 'case.list' }]) {
      expect(await dispatch(app.handlers, channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
  })

  it('wraps a handler failure into a bilingual envelope and hides unexpected errors', async () => {
    const app = await makeTestApp()
    const seen: string[] = []
    const failing: Handlers = {
      ...app.handlers,
      'case.list': async () => {
        throw AppError.of('case-not-found')
      },
      'case.create': async () => {
        throw new Error('EACCES /home/陈思远/secret 440305198506121237')
      },
    }
    const known = await dispatch(failing, 'case.list', {})
    expect(known).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'case-not-found', message: expect.stringContaining('找不到') }),
    })
    const hidden = await dispatch(failing, 'case.create', {}, (channel) => seen.push(channel))
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(hidden)).not.toContain('440305')
    expect(JSON.stringify(hidden)).not.toContain('陈思远')
    expect(seen).toEqual(['case.create'])
  })

  it('validates what handlers return', async () => {
    const app = await makeTestApp()
    const broken = { ...app.handlers, 'settings.get': async () => ({ workspace: 42 }) } as unknown as Handlers
    expect(await dispatch(broken, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'bad-output' } })
  })

  it('answers with JSON-safe envelopes', async () => {
    const app = await makeTestApp()
    for (const [channel, input] of [
      ['app.info', {}],
      ['settings.get', {}],
      ['case.create', {}],
      ['case.list', {}],
      ['job.list', {}],
    ] as const) {
      const envelope = await dispatch(app.handlers, channel, input)
      expect(envelope.ok, channel).toBe(true)
      expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope)
    }
  })
})
