/**
 * The case being edited. Every change is applied to the draft at once and saved right away: one
 * save in flight at a time, the newest draft sent next, so typing never waits for the disk and the
 * disk never falls more than one save behind. Each save answers with the findings for what it
 * saved, which is how findings follow the typing.
 */
import type { Case, Person } from '../../../shared/model/case'
import type { CaseSummary } from '../../../shared/ipc/schemas'
import type { ResultOf } from '../../../shared/ipc/contract'
import { ApiError, call, errorText } from '../api'
import { fieldKind, normaliseCase, normaliseValue, type ValueChange } from '../../../shared/model/normalise-case'
import { fieldLabel } from '../case/options'
import { formatPath, getIn, setIn, type Path } from '../case/paths'
import { notify } from './notices'
import { createStore } from './store'

type Finding = ResultOf<'case.open'>['findings'][number]
type Bilingual = { message: string; messageEn: string }

/** The open case, its findings and the save state. */
export interface EditorState {
  readonly caseId: string | null
  readonly draft: Case | null
  readonly findings: readonly Finding[]
  readonly summary: CaseSummary | null
  readonly saving: boolean
  /** When this visit last saved; null until the first edit. */
  readonly savedAt: string | null
  readonly saveError: Bilingual | null
  /** The case.json revision the draft was made on; each save names it and returns the next. */
  readonly revision: string | null
  /** Written by a newer version of the app: shown, never saved. */
  readonly readOnly: boolean
  /**
   * The file changed on disk (or no longer reads) under this window: saving stops until the person
   * reloads (重新载入) or saves their version as a copy (另存为副本).
   */
  readonly conflict: boolean
}

const closed: EditorState = {
  caseId: null,
  draft: null,
  findings: [],
  summary: null,
  saving: false,
  savedAt: null,
  saveError: null,
  revision: null,
  readOnly: false,
  conflict: false,
}
/** The editor store. */
export const editorStore = createStore<EditorState>(closed)

/** The eight fields of a person, for "same as the principal". */
export const PERSON_FIELDS = [
  'name',
  'idType',
  'idNumber',
  'idValidFrom',
  'idValidTo',
  'mobile',
  'emergencyPhone',
  'officePhone',
  'email',
] as const

/**
 * True when a manager's fields are a copy of the principal's (every field equal, the name filled):
 * the form then keeps them in step. Not "the same person" (shared/model/people.ts samePerson), which
 * the ID number decides: a copy that later differs in a phone is still that person, but no longer a copy.
 */
export function isCopyOfPrincipal(a: Person, b: Person): boolean {
  if (!a.name || a.name.trim() === '') return false
  return PERSON_FIELDS.every((key) => (a[key] ?? '') === (b[key] ?? ''))
}

let lastSent: Case | null = null
let inFlight = false

/** Says once which values were put in their normalised form (full-width digits, spaces, http:// …). */
function announce(changes: readonly ValueChange[]): void {
  if (changes.length === 0) return
  const list = (en: boolean) =>
    changes
      .slice(0, 3)
      .map((c) => `${en ? fieldLabel(c.field).en : fieldLabel(c.field).zh}：${c.from} → ${c.to}`)
      .join(en ? '; ' : '；')
  const more = changes.length > 3 ? changes.length - 3 : 0
  notify(
    'info',
    `已规范 ${changes.length} 个值（全角、空格、网址等）：${list(false)}${more > 0 ? ` 等` : ''}`,
    `Normalised ${changes.length} value${changes.length > 1 ? 's' : ''} (full-width, spaces, URLs …): ${list(true)}${more > 0 ? ' …' : ''}`,
  )
}

/** Shows an opened (or created, or duplicated) case, its typed values normalised (and saved so). */
export function showCase(opened: ResultOf<'case.open'>): void {
  lastSent = opened.case
  const normal = opened.readOnly ? { case: opened.case, changes: [] } : normaliseCase(opened.case)
  editorStore.set({
    caseId: opened.id,
    draft: normal.case,
    findings: opened.findings,
    summary: opened.summary,
    saving: false,
    savedAt: null,
    saveError: null,
    revision: opened.revision,
    readOnly: opened.readOnly,
    conflict: false,
  })
  if (normal.changes.length > 0) {
    announce(normal.changes)
    flush()
  }
}

/** Leaves the case screen; a save still in flight finishes but is no longer shown. */
export function closeCase(): void {
  lastSent = null
  editorStore.set(closed)
}

function flush(): void {
  const { caseId, draft, revision, readOnly, conflict } = editorStore.get()
  if (inFlight || caseId === null || draft === null || revision === null || draft === lastSent || readOnly || conflict) return
  inFlight = true
  lastSent = draft
  editorStore.set({ saving: true })
  call('case.save', { caseId, case: draft, revision })
    .then((result) => {
      if (editorStore.get().caseId !== caseId) return
      editorStore.set({
        findings: result.findings,
        summary: result.summary,
        savedAt: result.summary.updatedAt,
        saveError: null,
        revision: result.revision,
      })
    })
    .catch((error: unknown) => {
      if (editorStore.get().caseId !== caseId) return
      lastSent = null // so that "retry" (or the next edit) sends again
      const code = error instanceof ApiError ? error.code : null
      if (code === 'case-changed-on-disk') editorStore.set({ conflict: true })
      else if (code === 'case-read-only') editorStore.set({ readOnly: true })
      else editorStore.set({ saveError: errorText(error) })
    })
    .finally(() => {
      inFlight = false
      if (editorStore.get().caseId !== caseId) return
      editorStore.set({ saving: false })
      if (editorStore.get().saveError === null) flush()
    })
}

/** Saves again after a failure. */
export function retrySave(): void {
  editorStore.set({ saveError: null })
  flush()
}

/** Applies a change to the whole draft and saves it (not for a read-only case). */
export function updateDraft(change: (draft: Case) => Case): void {
  const { draft, readOnly } = editorStore.get()
  if (!draft || readOnly) return
  editorStore.set({ draft: change(draft), saveError: null })
  flush()
}

/**
 * Sets one field. A change to the principal is mirrored into every website manager that was the
 * same person before it, so "same as the principal" stays true while the user types.
 */
export function editField(path: Path, value: string | null): void {
  updateDraft((draft) => {
    let next = setIn(draft, path, value)
    if (path[0] === 'principal' && path.length === 2) {
      draft.websites.forEach((website, index) => {
        if (isCopyOfPrincipal(draft.principal, website.manager))
          next = setIn(next, ['websites', index, 'manager', path[1] as string], value)
      })
    }
    return next
  })
}

/**
 * On leaving a field: its value in the normalised form the rules and 报告.html use, said once.
 * Only the field left is touched, so a value being typed elsewhere is never rewritten under the caret.
 */
export function normaliseField(path: Path): void {
  const { draft } = editorStore.get()
  if (!draft) return
  const field = formatPath(path)
  const kind = fieldKind(field)
  const value = getIn(draft, path)
  if (kind === null || typeof value !== 'string') return
  const to = normaliseValue(kind, value)
  if (to === value) return
  editField(path, to === '' ? null : to)
  if (to !== '') announce([{ field, from: value, to }])
}

/** Reads a text field of the draft. */
export function fieldValue(draft: Case, path: Path): string {
  const value = getIn(draft, path)
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}
