/**
 * The case: one filing being prepared, stored as `case.json` beside its scans.
 *
 * The keys are a contract with tools outside the project (add fields freely, never rename).
 * The schema is deliberately lenient: a case is incomplete while someone works on it, and every
 * value may be wrong, so the schema only fixes the *shape* and leaves judging to the rules. Unknown
 * keys are kept, so a file written by a newer tool survives a round trip through an older one.
 */
import { z } from 'zod'
import { ExportRecordSchema } from './export-record'
import { FilingSchema } from './filing'
import { ExtractedDocumentSchema } from './extracted'

export const CASE_SCHEMA_VERSION = 1

/**
 * How many of each list a case may hold. The schema refuses a case.json past them, so every path
 * that adds to a list refuses the addition that would cross one (a written case that cannot be
 * opened again is a lost case).
 */
export const CASE_LIMITS = { websites: 100, documents: 1000, exports: 1000 } as const

/** Text typed by a person or read by OCR: a string, a number someone typed into JSON, or empty. */
const Text = z
  .union([z.string().max(10_000), z.number(), z.null()])
  .optional()
  .transform((v): string | null => (v === undefined || v === null ? null : String(v)))

/**
 * Text added after the first release: optional in the parsed type too, so code (and other tools)
 * that build these objects without the new key stay valid. Read it as `value ?? null`.
 */
const AddedText = z
  .union([z.string().max(10_000), z.number(), z.null()])
  .transform((v): string | null => (v === null ? null : String(v)))
  .optional()

export const PersonSchema = z.looseObject({
  name: Text,
  idType: Text,
  idNumber: Text,
  idValidFrom: Text,
  idValidTo: Text,
  mobile: Text,
  emergencyPhone: Text,
  /** 办公电话: a landline with its area code, as the consoles ask for it. */
  officePhone: AddedText,
  email: Text,
})
export type Person = z.output<typeof PersonSchema>

export const SponsorSchema = z.looseObject({
  /** 主办单位性质: 企业, 个人, 政府机关 … (see sponsor-types.json). */
  type: Text,
  /** 主办单位名称, or the person's name for 个人. */
  name: Text,
  certificateType: Text,
  certificateNumber: Text,
  /** 证件住所 (registered address on the certificate). */
  certificateAddress: Text,
  /** 通信地址, down to the door or room number. */
  mailingAddress: Text,
  legalRepresentative: Text,
  certificateValidFrom: Text,
  /** ISO date or "long-term". */
  certificateValidTo: Text,
  /** 经营范围 / 业务范围, used by the finance-word rule. */
  businessScope: Text,
})
export type Sponsor = z.output<typeof SponsorSchema>

export const DomainCertificateSchema = z.looseObject({
  owner: Text,
  registeredOn: Text,
  expiresOn: Text,
  /** The day the registrar finished real-name verification (实名认证), when known. */
  realNameVerifiedOn: Text,
  /** The holder's certificate type and number, where the registrar's certificate shows them (域名实名认证信息). */
  holderIdType: AddedText,
  holderIdNumber: AddedText,
})
export type DomainCertificate = z.output<typeof DomainCertificateSchema>

export const PreApprovalSchema = z.looseObject({
  category: Text,
  /** Which certificate it is (《互联网药品信息服务资格证书》, 《药品经营许可证》 …): provinces accept different ones. */
  certificateType: AddedText,
  certificateNumber: Text,
  validTo: Text,
})
export type PreApproval = z.output<typeof PreApprovalSchema>

const emptyPerson = (): Person => PersonSchema.parse({})
const emptyDomainCertificate = (): DomainCertificate => DomainCertificateSchema.parse({})

export const WebsiteSchema = z.looseObject({
  name: Text,
  domain: Text,
  homepage: Text,
  /** When the site was filed before (新增接入, 变更备案): used by domain-registered-after-filing. */
  previousFilingDate: Text,
  /** 前置审批 categories the site's content falls under, as the user declared them. */
  serviceContent: z.array(z.string().max(200)).max(50).optional().default([]),
  manager: PersonSchema.optional().default(emptyPerson),
  domainCertificate: DomainCertificateSchema.optional().default(emptyDomainCertificate),
  preApprovals: z.array(PreApprovalSchema).max(50).optional().default([]),
  /**
   * What the consoles ask for each website besides the above, in their order (website-fields.json):
   * 网站服务内容 (the console's content categories — not the 前置审批 industries of serviceContent),
   * 网站语言, and 网站备注. Absent in cases written before them: they load as empty.
   */
  serviceCategories: z.array(z.string().max(50)).max(50).optional().default([]),
  languages: z.array(z.string().max(50)).max(50).optional().default([]),
  remark: AddedText,
})
export type Website = z.output<typeof WebsiteSchema>

/**
 * A scan or generated file in the case folder. `role` says which upload slot it fills; `website`
 * (0-based) ties it to a website. What OCR read from it is stored under `extracted` so `check`
 * can compare scans with the form without running OCR again.
 */
export const DocumentSchema = z.looseObject({
  file: z.string().min(1).max(1000),
  role: z.string().max(100),
  website: z.number().int().min(0).max(999).optional(),
  preApproval: z.number().int().min(0).max(999).optional(),
  /**
   * What was read from it, parsed once when the case is loaded. A reading of a shape this version
   * does not know (a newer tool's) is dropped, as if never read: the scan is read again.
   */
  extracted: ExtractedDocumentSchema.optional().catch(undefined),
  /** The role was proposed (from the file name or the reading), not chosen by a person: shown as a suggestion. */
  roleProposed: z.boolean().optional(),
  /** A person ticked 保留: a scan left as 其他材料 goes into the package all the same (else it stays out). */
  keep: z.boolean().optional(),
})
export type CaseDocument = z.output<typeof DocumentSchema>

export const CaseSchema = z.looseObject({
  /** Checked by parseCase, not here: a case from a newer version may still be shown read-only. */
  schemaVersion: z.number().int().optional().default(CASE_SCHEMA_VERSION),
  /** Filing province (广东, 上海 …), with or without 省/市. */
  province: Text,
  /** 首次备案, 新增网站, 新增接入, 变更备案, 注销主体, 注销网站, 取消接入. */
  filingType: Text,
  /** The planned submission date (ISO); validity rules measure from it. */
  submissionDate: Text,
  sponsor: SponsorSchema.optional().default(() => SponsorSchema.parse({})),
  principal: PersonSchema.optional().default(emptyPerson),
  websites: z.array(WebsiteSchema).max(CASE_LIMITS.websites).optional().default([]),
  documents: z.array(DocumentSchema).max(CASE_LIMITS.documents).optional().default([]),
  /** 备注 sent with the filing (e.g. 「个体工商户无字号无公章」). */
  remark: Text,
  /** ISO date-time of the last edit made in the app (export-record.ts). */
  updatedAt: z.string().max(40).optional(),
  /** Exports of the submission package, appended by the packaging step (export-record.ts). */
  exports: z.array(ExportRecordSchema).max(CASE_LIMITS.exports).optional(),

  // --- Filing status after export (issue 17). Kept in its own block: other fields merge above. ---
  /** The status history (filing.ts); absent in cases written before it, derived from `exports` then. */
  filing: FilingSchema.optional(),
  // --- end of the filing-status block ---

  // --- The 填报 view's ticks (issue 17 section 5). Kept in its own block: other fields merge above. ---
  /**
   * What has been entered in the provider's console: field paths (`websites[0].manager.mobile`)
   * and upload boxes (`upload:` and the package file's name), ticked 已填 in the 填报 view. Absent
   * means nothing ticked (read it with `filledOf`), so a case that never used the view is unchanged.
   */
  filled: z.array(z.string().min(1).max(300)).max(2000).optional(),
  // --- end of the 填报 block ---
})
export type Case = z.output<typeof CaseSchema>
/** What a caller may write: the lenient input form (missing keys, numbers for text). */
export type CaseInput = z.input<typeof CaseSchema>

export type CaseParseResult = { ok: true; case: Case } | { ok: false; problems: string[] }

const NEWER = `written by a newer version of ICP Prep (schemaVersion > ${CASE_SCHEMA_VERSION}); please update the app`

/** True for a case written by a newer version of the app: it may be shown, never written back. */
export function isNewerCase(c: { readonly schemaVersion: number }): boolean {
  return c.schemaVersion > CASE_SCHEMA_VERSION
}

/**
 * Parses untrusted JSON data into a case, or lists what is wrong with its shape (path: problem).
 * A case from a newer version is refused unless `newer` is allowed (the app opens it read-only).
 */
export function parseCase(data: unknown, options: { readonly newer?: boolean } = {}): CaseParseResult {
  const parsed = CaseSchema.safeParse(data)
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.length > 0 ? formatPath(i.path) : '(root)'}: ${i.message}`)
  if (parsed.success && isNewerCase(parsed.data) && !options.newer) problems.push(`schemaVersion: ${NEWER}`)
  else if (!parsed.success && isNewerVersionData(data)) problems.unshift(`schemaVersion: ${NEWER}`)
  if (parsed.success && problems.length === 0) return { ok: true, case: parsed.data }
  return { ok: false, problems }
}

function isNewerVersionData(data: unknown): boolean {
  const v = typeof data === 'object' && data !== null ? (data as { schemaVersion?: unknown }).schemaVersion : undefined
  return typeof v === 'number' && v > CASE_SCHEMA_VERSION
}

/** An empty case, the starting point of the app's "new case" and of tests. */
export function emptyCase(): Case {
  return CaseSchema.parse({ schemaVersion: CASE_SCHEMA_VERSION })
}

/** What is ticked 已填 in the 填报 view (none when the case never used it). */
export function filledOf(c: Pick<Case, 'filled'>): readonly string[] {
  return c.filled ?? []
}

/** `websites[0].manager.mobile` from a zod path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}
