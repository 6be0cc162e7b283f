/**
 * ipc/register.ts, the only file that touches ipcMain: every channel is registered, and only the
 * app's own top-level page gets through to dispatch(). Electron's ipcMain is replaced by a recorder
 * (Electron itself cannot run here); the code under test is the registration and the sender check.
 */
import { describe, expect, it, vi } from 'vitest'

type Listener = (event: { senderFrame: unknown }, raw: unknown) => Promise<unknown>
const registered = new Map<string, Listener>()

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}))

const { registerIpc, isTrustedSender } = await import('../../electron/main/ipc/register')
const { isTrustedUrl } = await import('../../electron/main/app-url')
const { INVOKE_CHANNELS } = await import('../../shared/ipc/channels')
const { makeTestApp } = await import('../support/app-services')

const trusted = (url: string) => isTrustedUrl(url, null)
const frame = (url: string, parent: unknown = null) => ({ url, parent })

describe('IPC registration', () => {
  it('registers every contract channel and removes them again', async () => {
    const app = await makeTestApp()
    const remove = registerIpc(app.handlers, trusted)
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    remove()
    expect(registered.size).toBe(0)
  })

  it('answers the app page and refuses other senders', async () => {
    const app = await makeTestApp()
    const remove = registerIpc(app.handlers, trusted)
    const listCases = registered.get('case.list') as Listener
    expect(await listCases({ senderFrame: frame('app://renderer/index.html') }, {})).toMatchObject({ ok: true })
    for (const senderFrame of [
      frame('https://evil.example/'),
      frame('file:///tmp/index.html'),
      frame('app://other/index.html'),
      frame('app://renderer/index.html', frame('app://renderer/index.html')), // a sub-frame
      null,
      undefined,
    ]) {
      expect(await listCases({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    }
    remove()
  })

  it('checks senders without Electron', () => {
    expect(isTrustedSender(frame('app://renderer/') as never, trusted)).toBe(true)
    expect(isTrustedSender(frame('http://localhost:5173/') as never, (u) => isTrustedUrl(u, 'http://localhost:5173'))).toBe(true)
    expect(isTrustedSender(frame('http://localhost:5174/') as never, (u) => isTrustedUrl(u, 'http://localhost:5173'))).toBe(false)
  })
})
