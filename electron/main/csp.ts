/**
 * The Content-Security-Policy of the window: only the app's own scripts and styles, no network,
 * no plugins, no forms, no framing. The app scheme sends it as a header; renderer/index.html
 * carries the same policy in a meta tag (less frame-ancestors, which a meta tag cannot set), so it
 * also holds wherever the page is opened; a test keeps the two identical.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Scan thumbnails and crops come from the app itself (app://renderer/case-file/…): nothing else.
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

/** The policy as an HTTP header. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/** The policy as renderer/index.html's meta tag states it. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ')
