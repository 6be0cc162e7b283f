/**
 * Document paths in case.json are relative to the case folder, with forward slashes, so a case
 * folder can be moved, copied or zipped by hand and still open. Anything that could reach outside
 * the folder is refused before a service ever joins it to a real path.
 */

/** True for `scans/licence.jpg`; false for absolute paths, `..` segments, drive letters, NUL. */
export function isSafeRelativePath(file: string): boolean {
  if (file === '' || file.length > 1000) return false
  if (file.includes('\0') || file.includes('\\')) return false
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) return false
  return file.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}
