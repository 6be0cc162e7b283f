/**
 * The case being edited. Every change is applied to the draft at once and saved right away: one
 * save in flight at a time, the newest draft sent next, so typing never waits for the disk and the
 * disk never falls more than one save behind. Each save answers with the findings for what it
 * saved, which is how findings follow the typing.
 */
import type { Case, Person } from '../../../shared/model/case'
import type { CaseSummary } from '../../../shared/ipc/schemas'
import type { ResultOf } from '../../../shared/ipc/contract'
import { call, errorText } from '../api'
import { getIn, setIn, type Path } from '../case/paths'
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
}

const closed: EditorState = { caseId: null, draft: null, findings: [], summary: null, saving: false, savedAt: null, saveError: null }
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

/** True when a manager is the principal: every field equal and at least the name filled. */
export function samePerson(a: Person, b: Person): boolean {
  if (!a.name || a.name.trim() === '') return false
  return PERSON_FIELDS.every((key) => (a[key] ?? '') === (b[key] ?? ''))
}

let lastSent: Case | null = null
let inFlight = false

/** Shows an opened (or created, or duplicated) case. */
export function showCase(opened: ResultOf<'case.open'>): void {
  lastSent = opened.case
  editorStore.set({
    caseId: opened.id,
    draft: opened.case,
    findings: opened.findings,
    summary: opened.summary,
    saving: false,
    savedAt: null,
    saveError: null,
  })
}

/** Leaves the case screen; a save still in flight finishes but is no longer shown. */
export function closeCase(): void {
  lastSent = null
  editorStore.set(closed)
}

function flush(): void {
  const { caseId, draft } = editorStore.get()
  if (inFlight || caseId === null || draft === null || draft === lastSent) return
  inFlight = true
  lastSent = draft
  editorStore.set({ saving: true })
  call('case.save', { caseId, case: draft })
    .then((result) => {
      if (editorStore.get().caseId !== caseId) return
      editorStore.set({ findings: result.findings, summary: result.summary, savedAt: result.summary.updatedAt, saveError: null })
    })
    .catch((error: unknown) => {
      if (editorStore.get().caseId !== caseId) return
      lastSent = null // so that "retry" (or the next edit) sends again
      editorStore.set({ saveError: errorText(error) })
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

/** Applies a change to the whole draft and saves it. */
export function updateDraft(change: (draft: Case) => Case): void {
  const { draft } = editorStore.get()
  if (!draft) return
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
        if (samePerson(draft.principal, website.manager)) next = setIn(next, ['websites', index, 'manager', path[1] as string], value)
      })
    }
    return next
  })
}

/** Reads a text field of the draft. */
export function fieldValue(draft: Case, path: Path): string {
  const value = getIn(draft, path)
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}
