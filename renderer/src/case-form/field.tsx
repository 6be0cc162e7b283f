/**
 * One labelled input of the case form with its findings beside it. Red (error) and amber (warning)
 * marks appear only on what the rules flag; a required field that is still empty shows a quiet
 * required mark instead of a red message, so a new case is not a wall of red.
 */
import { useId, type ReactElement } from 'react'
import { parseChineseDate, parseDateOrLongTerm, LONG_TERM } from '../../../shared/dates/parse-chinese-date'
import { isMissing, type Finding } from '../case/findings'
import { fieldDomId, formatPath, type Path } from '../case/paths'
import { isRequired, withCurrent, type Option } from '../case/options'
import { editField, fieldValue, normaliseField } from '../state/editor'
import { bilingual } from '../i18n'
import { useForm } from './form-context'

/** How a field is shown; its value and findings come from the form context by path. */
export interface FieldProps {
  readonly path: Path
  readonly label: string
  readonly kind?: 'text' | 'textarea' | 'select' | 'date'
  readonly options?: Option[]
  readonly help?: string | undefined
  /** Spans both columns (addresses, business scope). */
  readonly wide?: boolean
  /** Codes and numbers in a monospaced face, so 0/O and 1/I are told apart. */
  readonly mono?: boolean
  /** A date field that also accepts 长期 (long-term). */
  readonly longTerm?: boolean
  readonly readOnly?: boolean
  readonly inputMode?: 'text' | 'tel' | 'email' | 'numeric'
}

function worst(findings: readonly Finding[]): 'error' | 'warning' | 'info' | null {
  if (findings.some((f) => f.severity === 'error')) return 'error'
  if (findings.some((f) => f.severity === 'warning')) return 'warning'
  return findings.length > 0 ? 'info' : null
}

/** Turns what was typed (2026.12.1, 2026年12月1日, 长期) into the stored ISO form, if it parses. */
function normaliseDate(text: string, longTerm: boolean): string | null {
  if (text.trim() === '') return null
  const parsed = longTerm ? parseDateOrLongTerm(text) : parseChineseDate(text)
  return parsed.ok ? parsed.value : text
}

/** One input bound to a case path, saved as the user types, with its findings beside it. */
export function Field(props: FieldProps): ReactElement {
  const { draft, findings, unit, language, t } = useForm()
  const field = formatPath(props.path)
  const id = fieldDomId(field)
  const helpId = useId()
  const value = fieldValue(draft, props.path)
  const all = findings.get(field) ?? []
  const shown = all.filter((f) => !isMissing(f))
  const level = worst(shown)
  const missing = all.some(isMissing)
  const required = missing || isRequired(field, unit)
  const kind = props.kind ?? 'text'
  const isLongTerm = props.longTerm === true && value === LONG_TERM
  const describedBy = shown.length > 0 || props.help ? helpId : undefined
  const set = (text: string) => editField(props.path, text === '' ? null : text)

  const common = {
    id,
    'aria-invalid': level === 'error' ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required ? true : undefined,
    readOnly: props.readOnly,
    className: `input${props.mono ? ' mono' : ''}`,
  }

  let control: ReactElement
  if (kind === 'select') {
    const options = withCurrent(props.options ?? [], value)
    control = (
      <select {...common} value={value} disabled={props.readOnly} onChange={(e) => set(e.target.value)}>
        <option value="">{t('field.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    )
  } else if (kind === 'textarea') {
    control = <textarea {...common} rows={3} value={value} onChange={(e) => set(e.target.value)} />
  } else {
    control = (
      <input
        {...common}
        type="text"
        value={isLongTerm ? t('field.longTermValue') : value}
        readOnly={props.readOnly || isLongTerm}
        inputMode={props.inputMode}
        spellCheck={false}
        autoComplete="off"
        placeholder={kind === 'date' && !isLongTerm ? t('field.datePlaceholder') : undefined}
        onChange={(e) => set(e.target.value)}
        onBlur={
          kind === 'date'
            ? (e) => {
                const normal = normaliseDate(e.target.value, props.longTerm === true)
                if (normal !== (value === '' ? null : value)) editField(props.path, normal)
              }
            : props.readOnly
              ? undefined
              : () => normaliseField(props.path)
        }
      />
    )
  }

  return (
    <div className={`field${props.wide ? ' wide' : ''}${level ? ` has-${level}` : ''}`} data-field={field}>
      <label className="field-label" htmlFor={id}>
        {props.label}
        {required && (
          <span className={`required${missing ? ' missing' : ''}`} title={t('field.required')} aria-hidden="true">
            *
          </span>
        )}
      </label>
      <div className="field-control">
        {control}
        {props.longTerm && (
          <label className="long-term">
            <input
              type="checkbox"
              checked={isLongTerm}
              disabled={props.readOnly}
              onChange={(e) => editField(props.path, e.target.checked ? LONG_TERM : null)}
            />
            {t('field.longTerm')}
          </label>
        )}
      </div>
      {(shown.length > 0 || props.help) && (
        <div className="field-notes" id={helpId}>
          {shown.length > 0 ? (
            shown.map((f, i) => (
              <p key={`${f.rule}-${i}`} className={`field-finding finding-${f.severity}`} data-rule={f.rule}>
                {bilingual(language, f.message, f.messageEn)}
              </p>
            ))
          ) : (
            <p className="field-help">{props.help}</p>
          )}
        </div>
      )}
    </div>
  )
}
