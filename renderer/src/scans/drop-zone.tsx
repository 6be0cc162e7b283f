/**
 * A place to drop files and folders from the file manager. Only drags that carry files light it up;
 * the dropped File objects go to the scans store, which hands them to the preload (their paths are
 * never seen here). Nested zones (the signed letter's) keep their drop to themselves.
 */
import { useState, type DragEvent, type ReactElement, type ReactNode } from 'react'

/** True when a drag carries files (not text or a link from the page). */
export function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files')
}

/** A drop target: `className` styles it, `active` is added while files are over it. */
export function DropZone(props: {
  readonly onFiles: (files: File[]) => void
  readonly className?: string
  readonly label?: string
  readonly children: ReactNode
}): ReactElement {
  const [over, setOver] = useState(0)
  const enter = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    event.stopPropagation()
    setOver((n) => n + 1)
  }
  return (
    <div
      className={`${props.className ?? 'drop-zone'}${over > 0 ? ' active' : ''}`}
      aria-label={props.label}
      data-drop-zone=""
      onDragEnter={enter}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return
        event.preventDefault()
        event.stopPropagation()
        event.dataTransfer.dropEffect = 'copy'
      }}
      onDragLeave={(event) => {
        if (!carriesFiles(event)) return
        event.stopPropagation()
        setOver((n) => Math.max(0, n - 1))
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return
        event.preventDefault()
        event.stopPropagation()
        setOver(0)
        const files = Array.from(event.dataTransfer.files)
        if (files.length > 0) props.onFiles(files)
      }}
    >
      {props.children}
    </div>
  )
}
