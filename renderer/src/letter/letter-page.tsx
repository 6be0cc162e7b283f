/**
 * One page of the letter drawn from the layout's own operations — the list the PDF writer draws —
 * in the letter's font (served by the app), so the preview breaks lines and fills boxes exactly as
 * the printed page will. Points, origin at the top-left, as in shared/letter/draw-ops.ts.
 */
import type { ReactElement } from 'react'
import type { DrawOpView } from '../../../shared/ipc/letter-export-schemas'

function draw(op: DrawOpView, key: number): ReactElement {
  const dash = op.op !== 'text' && op.dash ? op.dash.join(' ') : undefined
  switch (op.op) {
    case 'text':
      return (
        <text
          key={key}
          x={op.x}
          y={op.baseline}
          fontSize={op.size}
          letterSpacing={op.spacing}
          className={`${op.face}${op.grey ? ' grey' : ''}`}
        >
          {op.text}
        </text>
      )
    case 'line':
      return <line key={key} x1={op.x1} y1={op.y1} x2={op.x2} y2={op.y2} strokeWidth={op.width} strokeDasharray={dash} />
    case 'rect':
      return <rect key={key} x={op.x} y={op.y} width={op.width} height={op.height} strokeWidth={op.lineWidth} strokeDasharray={dash} />
    case 'circle':
      return <circle key={key} cx={op.cx} cy={op.cy} r={op.r} strokeWidth={op.lineWidth} strokeDasharray={dash} className="grey" />
  }
}

/** A page as SVG, scaled to its container's width. */
export function LetterPage(props: { ops: readonly DrawOpView[]; width: number; height: number; label: string }): ReactElement {
  return (
    <svg className="letter-page" viewBox={`0 0 ${props.width} ${props.height}`} role="img" aria-label={props.label}>
      <rect className="paper" x={0} y={0} width={props.width} height={props.height} />
      {props.ops.map(draw)}
    </svg>
  )
}
