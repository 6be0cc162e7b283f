/** File sizes as people read them: 812 KB, 1.4 MB (powers of 1000, as providers state their limits). */

/** 1 234 567 → "1.2 MB"; null → "—". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—'
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}
