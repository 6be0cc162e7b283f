/**
 * Everything that keeps the window a sealed viewer: no new windows, no navigation, no webviews, no
 * permission (camera, notifications, geolocation …) ever granted, and no network at all — every
 * http(s) and ws(s) request is cancelled, which is how we know scans never leave the machine.
 */
import { app, type Session } from 'electron'
import { shouldCancelRequest } from './app-url'

const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']

/** Denies permissions and cancels network requests for a session. */
export function hardenSession(session: Session, devOrigin: string | null, onBlocked: (url: string) => void): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}))
  session.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (details, callback) => {
    const cancel = shouldCancelRequest(details.url, devOrigin)
    if (cancel) onBlocked(details.url)
    callback({ cancel })
  })
}

/** Applies to every web contents the app ever creates: the window and anything it might try to open. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    // The window is a single page: it never needs to navigate, so any navigation is refused.
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-frame-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}
