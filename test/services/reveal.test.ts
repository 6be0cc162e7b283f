/**
 * Showing a case folder never launches it (issue 13 item 19): on macOS a folder named like a bundle
 * (`客户.app`) is shown selected in its parent instead of being opened, which would run it.
 * electron/main/services.ts acts on this decision; the Electron call itself is one line.
 */
import { describe, expect, it } from 'vitest'
import { revealMethod } from '../../electron/services/reveal'

describe('revealMethod', () => {
  it('selects, never opens, a bundle-like folder on macOS', () => {
    for (const name of ['客户.app', 'Case.APP', 'x.bundle', 'y.framework', 'z.pkg', 'w.prefPane', 'v.workflow', 'Case.app/'])
      expect(revealMethod(`/Users/a/备案案件/${name}`, 'darwin'), name).toBe('select')
  })

  it('opens every other folder, and every folder elsewhere', () => {
    for (const name of ['客户', 'app', 'my.application', 'Case.app.backup', '深圳.云帆'])
      expect(revealMethod(`/Users/a/备案案件/${name}`, 'darwin'), name).toBe('open')
    // The bundle rule is macOS's: Windows and Linux file managers open a folder whatever its name.
    expect(revealMethod('C:\\Users\\a\\x.app', 'win32')).toBe('open')
    expect(revealMethod('/home/a/x.app', 'linux')).toBe('open')
  })
})
