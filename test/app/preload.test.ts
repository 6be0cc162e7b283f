/**
 * The preload's API, built generically from the contract's channel names: unknown channels and
 * events never reach the transport, and what it exposes is frozen and minimal.
 */
import { describe, expect, it } from 'vitest'
import { buildApi, type Transport } from '../../electron/preload/build-api'
import { INVOKE_CHANNELS } from '../../shared/ipc/channels'

function recordingTransport(): Transport & { calls: string[]; subscribed: string[] } {
  const calls: string[] = []
  const subscribed: string[] = []
  return {
    calls,
    subscribed,
    invoke: async (channel) => {
      calls.push(channel)
      return { ok: true, value: channel }
    },
    subscribe: (event) => {
      subscribed.push(event)
      return () => undefined
    },
  }
}

describe('the preload API', () => {
  it('exposes only invoke and on, frozen', () => {
    const api = buildApi(recordingTransport())
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('passes contract channels through and refuses others without touching the transport', async () => {
    const transport = recordingTransport()
    const api = buildApi(transport)
    for (const channel of INVOKE_CHANNELS) expect(await api.invoke(channel, {})).toEqual({ ok: true, value: channel })
    for (const channel of ['ipc.raw', 'case.list\n', '', '__proto__']) {
      expect(await api.invoke(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
    expect(transport.calls).toEqual([...INVOKE_CHANNELS])
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
    const api = buildApi({ invoke: async () => Promise.reject(new Error('No handler registered')), subscribe: () => () => undefined })
    expect(await api.invoke('case.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
