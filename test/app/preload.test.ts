/**
 * The preload's API, built generically from the contract's channel names: unknown channels and
 * events never reach the transport, what it exposes is frozen and minimal, and paths reach a file
 * channel only from File objects the user dropped — never from page script.
 */
import { describe, expect, it } from 'vitest'
import { buildApi, type Transport } from '../../electron/preload/build-api'
import { FILE_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels'

/** A File as the user's drop gives it (a real path) or as script makes it (none). */
class FakeFile {
  constructor(
    readonly name: string,
    readonly path: string,
  ) {}
}

function recordingTransport(): Transport & { calls: string[]; inputs: unknown[]; subscribed: string[] } {
  const calls: string[] = []
  const inputs: unknown[] = []
  const subscribed: string[] = []
  return {
    calls,
    inputs,
    subscribed,
    invoke: async (channel, input) => {
      calls.push(channel)
      inputs.push(input)
      return { ok: true, value: channel }
    },
    subscribe: (event) => {
      subscribed.push(event)
      return () => undefined
    },
    pathForFile: (file) => (file instanceof FakeFile ? file.path : ''),
  }
}

describe('the preload API', () => {
  it('exposes only invoke, invokeWithFiles and on, frozen', () => {
    const api = buildApi(recordingTransport())
    expect(Object.keys(api).sort()).toEqual(['invoke', 'invokeWithFiles', 'on'])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('passes contract channels through and refuses others without touching the transport', async () => {
    const transport = recordingTransport()
    const api = buildApi(transport)
    const plain = INVOKE_CHANNELS.filter((c) => !(FILE_CHANNELS as readonly string[]).includes(c))
    for (const channel of plain) expect(await api.invoke(channel, {})).toEqual({ ok: true, value: channel })
    for (const channel of ['ipc.raw', 'case.list\n', '', '__proto__']) {
      expect(await api.invoke(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
    expect(transport.calls).toEqual(plain)
  })

  it('never lets page script send paths: file channels only through invokeWithFiles, paths from dropped files', async () => {
    const transport = recordingTransport()
    const api = buildApi(transport)
    for (const channel of FILE_CHANNELS)
      expect(await api.invoke(channel, { caseId: 'c', paths: ['/etc/passwd'] })).toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' },
      })
    const dropped = [new FakeFile('营业执照.jpg', '/home/u/扫描/营业执照.jpg'), new FakeFile('扫描', '/home/u/扫描')]
    expect(await api.invokeWithFiles('scan.add', { caseId: 'c' }, dropped)).toEqual({ ok: true, value: 'scan.add' })
    expect(transport.inputs).toEqual([{ caseId: 'c', paths: ['/home/u/扫描/营业执照.jpg', '/home/u/扫描'] }])
    // A File made by script has no path; a page cannot smuggle paths in next to the files either.
    const refusals = [
      await api.invokeWithFiles('scan.add', { caseId: 'c' }, [{ name: 'x.jpg' }]),
      await api.invokeWithFiles('scan.add', { caseId: 'c', paths: ['/etc/passwd'] }, dropped),
      await api.invokeWithFiles('scan.add', { caseId: 'c' }, []),
      await api.invokeWithFiles('scan.add', 'c', dropped),
    ]
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(await api.invokeWithFiles('case.open', { caseId: 'c' }, dropped)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    })
    expect(transport.calls).toEqual(['scan.add'])
  })

  it('refuses unknown events and non-function listeners', () => {
    const transport = recordingTransport()
    const api = buildApi(transport)
    expect(() => api.on('job.progress', () => undefined)).not.toThrow()
    expect(() => api.on('ipc-message', () => undefined)).toThrow(/Unknown event/)
    expect(() => api.on('job.finished', 'eval' as unknown as () => void)).toThrow(/function/)
    expect(transport.subscribed).toEqual(['job.progress'])
  })

  it('turns a transport failure into an internal-error envelope', async () => {
    const api = buildApi({
      invoke: async () => Promise.reject(new Error('No handler registered')),
      subscribe: () => () => undefined,
      pathForFile: () => '',
    })
    expect(await api.invoke('case.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
