/** A card of the case form: a titled block of fields laid out in two columns. */
import type { ReactElement, ReactNode } from 'react'

/** A card's title, help text, header actions and fields. */
export interface SectionProps {
  readonly id: string
  readonly title: ReactNode
  readonly help?: string | undefined
  readonly actions?: ReactNode
  readonly children: ReactNode
}

/** A focusable card, so the section list and findings without a field can land on it. */
export function Section({ id, title, help, actions, children }: SectionProps): ReactElement {
  const headingId = `${id}-title`
  return (
    <section className="card" id={id} aria-labelledby={headingId} tabIndex={-1}>
      <header className="card-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          {help && <p className="card-help">{help}</p>}
        </div>
        {actions && <div className="card-actions">{actions}</div>}
      </header>
      {children}
    </section>
  )
}

/** A titled group inside a card (a website's manager, its domain certificate). */
export function SubSection({ title, help, actions, children }: Omit<SectionProps, 'id'>): ReactElement {
  return (
    <div className="subsection">
      <div className="subsection-header">
        <h3>{title}</h3>
        {actions}
      </div>
      {help && <p className="card-help">{help}</p>}
      {children}
    </div>
  )
}
