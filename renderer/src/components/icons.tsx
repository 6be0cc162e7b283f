/** The few line icons the screens use, drawn inline so the strict CSP needs no image source. */
import type { ReactElement } from 'react'

const paths = {
  plus: 'M8 3v10M3 8h10',
  back: 'M10 3 5 8l5 5',
  search: 'M7 12A5 5 0 1 0 7 2a5 5 0 0 0 0 10Zm3.5-1.5L14 14',
  copy: 'M5 5V3h8v8h-2M3 5h8v8H3z',
  trash: 'M3 4h10M6 4V2.5h4V4M4.5 4l.7 9.5h5.6L11.5 4',
  folder: 'M2 4h4l1.5 1.5H14V13H2z',
  check: 'm3 8.5 3.2 3L13 5',
  alert: 'M8 2 1.5 13.5h13zM8 6.5v3.5M8 11.8v.2',
  info: 'M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12ZM8 7v4.5M8 4.8v.2',
  arrow: 'm6 3 5 5-5 5',
  close: 'm4 4 8 8M12 4l-8 8',
  file: 'M4 2h5l3 3v9H4zM9 2v3h3',
  upload: 'M8 11V3M5 6l3-3 3 3M3 11v2.5h10V11',
  scan: 'M2 5V2h3M11 2h3v3M14 11v3h-3M5 14H2v-3M4 8h8',
  printer: 'M4 6V2h8v4M4 12H2V6h12v6h-2M4 10h8v4H4z',
  download: 'M8 2v8M5 7l3 3 3-3M3 13h10',
  undo: 'M5 4 2 7l3 3M2 7h7a4 4 0 0 1 0 8H7',
} as const

/** The icons available. */
export type IconName = keyof typeof paths

/** A 16-pixel stroke icon in the current text colour. */
export function Icon({ name, className }: { name: IconName; className?: string }): ReactElement {
  return (
    <svg className={`icon ${className ?? ''}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
