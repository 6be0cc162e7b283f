/**
 * The upload plan: which scan goes into which file of the package, in the order the providers'
 * upload forms ask for them, named so a person can upload each file without renaming it
 * (01_主办单位证件_营业执照, 02_主体负责人_身份证, 03_网站1_负责人_身份证, 04_网站1_域名证书_example.com …).
 *
 * Pure: it decides names and groupings only. Whether a file becomes .jpg or .pdf, and whether an
 * image can be read at all, is for the service that processes the plan.
 */
import type { Case, CaseDocument } from '../model/case'
import type { ExtractedDocument } from '../model/extracted'
import { isExported } from '../model/documents'
import { samePerson } from '../model/people'
import { foreignCaseDocument } from '../model/scan-fields'
import { isSafeRelativePath } from '../model/paths'
import type { Catalogue } from '../rules/catalogue'
import type { PackageData, ProviderProfile, SlotDefinition } from './package-data'

/** Which side of an ID card a scan shows; `both` for the common A4 scan of front above back. */
export type IdSide = 'front' | 'back' | 'both'

/** One scan feeding a planned file. */
export interface PlannedSource {
  /** Index into case.documents. */
  readonly document: number
  /** Path relative to the case folder, as in case.json. */
  readonly file: string
  /** Which side of an ID card the scan shows, when known (from what OCR read, else from order). */
  readonly side: IdSide | null
}

/** One file of the package. */
export interface PlannedFile {
  /** 1-based upload order; also the file name's numeric prefix. */
  readonly order: number
  /** File name without extension, e.g. `01_主办单位证件_营业执照`. */
  readonly baseName: string
  readonly role: string
  /** 0-based website index for website materials, else null. */
  readonly website: number | null
  /** Where in the provider's form it goes (主办单位信息 › 主办单位证件). */
  readonly place: string
  readonly placeEn: string
  /** One scan, or two ID sides to stack front above back. */
  readonly sources: readonly PlannedSource[]
  readonly combine: boolean
  /** A PDF scan may be carried as PDF here if the provider accepts PDF (the signed letter). */
  readonly mayBePdf: boolean
  /** The image is never shrunk below this long side (nor enlarged to reach it). */
  readonly minLongSidePx: number
  /** The provider's minimum file size for this slot (0: none). */
  readonly minBytes: number
  /** Set when a website manager's ID is the principal's own scan (same person). */
  readonly sameAsPrincipal: boolean
  /** One side cut out of a scan of both sides, for a provider that wants the sides apart. */
  readonly cut?: 'front' | 'back'
  /**
   * Where the reading found the 人像面's name or ID number, as a share (0..1) of the image's width
   * and height: the card holding it is the 人像面, whichever way up the two were laid on the glass.
   */
  readonly frontAt?: { readonly x: number; readonly y: number }
}

const FORBIDDEN = /[\\/:*?"<>|]/g
/** Characters (code points) kept of one value in a file name. */
const NAME_PART_MAX = 60

/** Makes a value safe inside a file name on Windows, macOS and Linux. */
export function safeNamePart(value: string): string {
  const printable = [...value].map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f' ? '_' : ch)).join('')
  const cleaned = printable.replace(FORBIDDEN, '_').replace(/\s+/g, '').replace(/^\.+/, '')
  // Cut by code points: a cut inside a surrogate pair (an emoji) leaves a lone half that no
  // file name, zip entry or URI can carry.
  return [...cleaned].slice(0, NAME_PART_MAX).join('')
}

function sideOf(doc: CaseDocument): IdSide | null {
  const sides = doc.extracted?.sides
  if (!sides || sides.length === 0) return null
  if (sides.includes('front') && sides.includes('back')) return 'both'
  return sides[0] ?? null
}

/** The centre of the 人像面 field read (ID number, else name), as shares of the read image. */
function portraitAt(r: ExtractedDocument | undefined): { x: number; y: number } | null {
  const box = r?.fields.idNumber?.box ?? r?.fields.personName?.box
  const image = r?.image
  if (!box || !image || image.width <= 0 || image.height <= 0) return null
  return { x: (box.x + box.width / 2) / image.width, y: (box.y + box.height / 2) / image.height }
}

const SIDE_ORDER: Record<string, number> = { front: 0, null: 1, back: 2, both: 3 }

interface Group {
  slot: SlotDefinition
  website: number | null
  docs: Array<{ index: number; doc: CaseDocument }>
  sameAsPrincipal: boolean
}

function fillName(template: string, values: Record<string, string | null>): string | null {
  let missing = false
  const out = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key]
    if (v === null || v === undefined || v.trim() === '') {
      missing = true
      return ''
    }
    return safeNamePart(v.trim())
  })
  return missing ? null : out
}

/**
 * Plans the package for a case and a provider: every usable document (known or unknown role, safe
 * path, valid website, not another's, not 其他材料 unless kept) lands in exactly one file, in form order.
 */
export function planUpload(c: Case, catalogue: Catalogue, data: PackageData, provider: ProviderProfile): PlannedFile[] {
  const slotFor = (role: string): SlotDefinition =>
    data.slots.slots.find((s) => s.role === role) ?? (data.slots.slots.find((s) => s.role === 'other') as SlotDefinition)
  const usable = c.documents
    .map((doc, index) => ({ doc, index }))
    .filter(({ doc }) => isSafeRelativePath(doc.file))
    // Another customer's licence or ID card (scan-other-owner) stays out until its role is changed.
    .filter(({ doc }) => foreignCaseDocument(c, doc) === null)
    // A scan nobody gave a role (其他材料) is not sent unless a person ticked 保留.
    .filter(({ doc }) => isExported(doc))
    .filter(({ doc }) => {
      const role = catalogue.documentRoles.find((r) => r.role === doc.role)
      return role?.scope !== 'website' || (doc.website !== undefined && doc.website < c.websites.length)
    })
  const known = new Set(catalogue.documentRoles.map((r) => r.role))
  const roleOf = (doc: CaseDocument): string => (known.has(doc.role) ? doc.role : 'other')

  const groups: Group[] = []
  const caseGroup = (role: string): void => {
    const docs = usable.filter(({ doc }) => roleOf(doc) === role)
    if (docs.length > 0) groups.push({ slot: slotFor(role), website: null, docs, sameAsPrincipal: false })
  }
  const websiteRoles = catalogue.documentRoles.filter((r) => r.scope === 'website')
  let websitesDone = false
  for (const role of catalogue.documentRoles) {
    if (role.scope === 'case') {
      caseGroup(role.role)
      continue
    }
    if (websitesDone) continue
    websitesDone = true
    c.websites.forEach((site, w) => {
      for (const wr of websiteRoles) {
        let docs = usable.filter(({ doc }) => doc.role === wr.role && doc.website === w)
        if (wr.role === 'pre-approval') docs = [...docs].sort((a, b) => (a.doc.preApproval ?? 0) - (b.doc.preApproval ?? 0))
        let sameAsPrincipal = false
        if (docs.length === 0 && wr.role === 'manager-id' && samePerson(c.principal, site.manager)) {
          docs = usable.filter(({ doc }) => doc.role === 'principal-id')
          sameAsPrincipal = docs.length > 0
        }
        if (docs.length > 0) groups.push({ slot: slotFor(wr.role), website: w, docs, sameAsPrincipal })
      }
    })
  }

  const files: Omit<PlannedFile, 'order' | 'baseName'>[] = []
  const names: string[] = []
  for (const g of groups) {
    const site = g.website === null ? null : c.websites[g.website]
    const person = g.slot.role === 'principal-id' ? c.principal : g.slot.role === 'manager-id' ? (site?.manager ?? null) : null
    const idType = person?.idType?.trim() ?? ''
    const values = (doc: CaseDocument): Record<string, string | null> => ({
      site: g.website === null ? null : String(g.website + 1),
      domain: site?.domain ?? null,
      certificateType: c.sponsor.certificateType,
      idType: idType === '' ? null : (data.slots.idTypeShortNames[idType] ?? idType),
      category: doc.preApproval !== undefined ? (site?.preApprovals[doc.preApproval]?.category ?? null) : null,
      certificate:
        doc.preApproval !== undefined ? (site?.preApprovals[doc.preApproval]?.certificateType?.replace(/[《》]/g, '') ?? null) : null,
    })
    const bare = (template: string): string => template.replace(/_?\{\w+\}/g, '')
    // The slot's name, else its fallback, else the fallback (or name) without placeholders.
    const nameOf = (doc: CaseDocument): string =>
      fillName(g.slot.name, values(doc)) ??
      (g.slot.fallbackName !== undefined ? fillName(g.slot.fallbackName, values(doc)) : null) ??
      fillName(bare(g.slot.fallbackName ?? g.slot.name), values(doc)) ??
      'file'
    const base = {
      role: g.slot.role,
      website: g.website,
      place: g.slot.place.replace('{site}', String((g.website ?? 0) + 1)),
      placeEn: g.slot.placeEn.replace('{site}', String((g.website ?? 0) + 1)),
      mayBePdf: g.slot.mayBePdf === true,
      minLongSidePx: g.slot.minLongSidePx ?? data.slots.defaultMinLongSidePx,
      minBytes: provider.minBytesByRole[g.slot.role] ?? provider.minBytes,
      sameAsPrincipal: g.sameAsPrincipal,
    }
    const sources = g.docs.map(({ doc, index }) => ({ document: index, file: doc.file, side: g.slot.idCard ? sideOf(doc) : null }))
    if (g.slot.idCard) {
      const sorted = [...sources].sort((a, b) => (SIDE_ORDER[String(a.side)] ?? 1) - (SIDE_ORDER[String(b.side)] ?? 1))
      const first = g.docs[0]?.doc as CaseDocument
      if (provider.idBothSidesOneImage && sorted.length === 2 && sorted.every((s) => s.side !== 'both')) {
        files.push({ ...base, sources: sorted, combine: true })
        names.push(nameOf(first))
        continue
      }
      // One scan of both sides, for a form with a box per side (腾讯云, 阿里云): each side cut out.
      const only = sorted.length === 1 ? sorted[0] : undefined
      if (!provider.idBothSidesOneImage && only && only.side === 'both') {
        const frontAt = portraitAt(g.docs[0]?.doc.extracted)
        for (const cut of ['front', 'back'] as const) {
          files.push({ ...base, sources: [only], combine: false, cut, ...(frontAt ? { frontAt } : {}) })
          names.push(`${nameOf(first)}_${data.slots.idSides[cut]}`)
        }
        continue
      }
      sorted.forEach((s, i) => {
        files.push({ ...base, sources: [s], combine: false })
        const label = s.side !== null ? data.slots.idSides[s.side] : sorted.length > 1 ? String(i + 1) : null
        names.push(label === null ? nameOf(first) : `${nameOf(first)}_${label}`)
      })
      continue
    }
    g.docs.forEach(({ doc }, i) => {
      files.push({ ...base, sources: [sources[i] as PlannedSource], combine: false })
      const several = g.docs.length > 1 && (g.slot.role !== 'pre-approval' || doc.preApproval === undefined)
      names.push(several ? `${nameOf(doc)}_${i + 1}` : nameOf(doc))
    })
  }

  // The numeric prefix alone makes every name unique; it also sorts the files in upload order.
  const width = Math.max(2, String(files.length).length)
  return files.map((f, i) => ({ ...f, order: i + 1, baseName: `${String(i + 1).padStart(width, '0')}_${names[i] ?? 'file'}` }))
}

/**
 * The extension an upload gets: a PDF stays PDF only when it is the slot's one source, the slot may
 * take a PDF (the signed letter) and the provider accepts PDF; everything else is a JPEG. The export
 * plan asks with the file name (it reads no file), the packer with what the file turned out to be.
 */
export function uploadExtension(
  planned: Pick<PlannedFile, 'mayBePdf' | 'sources'>,
  provider: Pick<ProviderProfile, 'acceptsPdf'>,
  sourceIsPdf: boolean,
): '.pdf' | '.jpg' {
  return planned.mayBePdf && provider.acceptsPdf && planned.sources.length === 1 && sourceIsPdf ? '.pdf' : '.jpg'
}
