/**
 * `icp-prep validate --type uscc|resident-id [--json] VALUE…`: checks identifiers one by one, in
 * input order, and proposes corrections for values that look like OCR or typing slips.
 */
import { correctResidentId, correctUscc, suggestedValues } from '../../../shared/ids/corrector'
import { validateDomain } from '../../../shared/ids/domain'
import { validateEmail, validateMobile } from '../../../shared/ids/contact'
import { normaliseValue, type ValueKind } from '../../../shared/model/normalise-case'
import type { ValidationIssue, ValidationResult } from '../../../shared/ids/issue'
import { validateResidentId } from '../../../shared/ids/resident-id'
import { validateUscc } from '../../../shared/ids/uscc'
import { todayIso } from '../../../electron/services/clock'
import { dateOption, EXIT, parseOptions, UsageError, type Command } from '../io'

interface Validator {
  readonly label: string
  /** The form field kind whose normalisation `check` and the app apply (normalise-case.ts). */
  readonly kind: ValueKind
  validate(value: string, today: string): ValidationResult<unknown>
  suggest?(value: string, today: string): string[]
  describe?(details: unknown): string
}

const VALIDATORS: Record<string, Validator> = {
  uscc: {
    label: '统一社会信用代码',
    kind: 'certificate',
    validate: (v) => validateUscc(v),
    suggest: (v) => suggestedValues(correctUscc(v)),
    describe: (d) => {
      const x = d as { department?: string; category?: string; area?: string }
      return [x.department, x.category, x.area].filter(Boolean).join('·')
    },
  },
  'resident-id': {
    label: '公民身份号码',
    kind: 'id-number',
    validate: (v, today) => validateResidentId(v, today),
    suggest: (v, today) => suggestedValues(correctResidentId(v, today)),
    describe: (d) => {
      const x = d as { birthDate: string; sex: string; area?: string }
      return [x.area, `出生 ${x.birthDate}`, x.sex === 'male' ? '男' : '女'].filter(Boolean).join('·')
    },
  },
  mobile: { label: '手机号码', kind: 'mobile', validate: (v) => validateMobile(v) },
  email: { label: '电子邮箱', kind: 'email', validate: (v) => validateEmail(v) },
  domain: { label: '域名', kind: 'domain', validate: (v) => validateDomain(v) },
}

const issues = (list: readonly ValidationIssue[]) => list.map((i) => ({ code: i.code, message: i.message, messageEn: i.messageEn }))

export const validateCommand: Command = {
  name: 'validate',
  summary: '校验证件号码（统一社会信用代码、身份证号等），并给出形近字纠错建议。Validate identifiers and suggest OCR corrections.',
  usage: `icp-prep validate --type ${Object.keys(VALIDATORS).join('|')} [--json] [--date YYYY-MM-DD] VALUE…`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { type: { type: 'string' }, json: { type: 'boolean', default: false }, date: { type: 'string' } },
    })
    const type = values.type
    if (type === undefined) throw new UsageError('缺少 --type Missing --type')
    const validator = VALIDATORS[type]
    if (!validator) throw new UsageError(`未知类型 Unknown type: ${type}`)
    if (positionals.length === 0) throw new UsageError('没有要校验的值 No values given')
    const today = dateOption(values.date) ?? todayIso()

    const results = positionals.map((value) => {
      const r = validator.validate(normaliseValue(validator.kind, value), today)
      const suggestions = !r.valid && validator.suggest ? validator.suggest(value, today) : []
      return {
        value,
        type,
        valid: r.valid,
        normalised: r.normalised,
        errors: issues(r.errors),
        warnings: issues(r.warnings),
        suggestions,
        details: r.details,
      }
    })

    if (values.json) {
      io.stdout(
        `${JSON.stringify(
          results.map(({ details: _details, ...rest }) => rest),
          null,
          2,
        )}\n`,
      )
    } else {
      for (const r of results) {
        const about = r.valid && r.details !== undefined && validator.describe ? `（${validator.describe(r.details)}）` : ''
        io.stdout(`${r.valid ? '✓ 有效 valid  ' : '✗ 无效 invalid'} ${r.normalised || r.value}${about}\n`)
        for (const e of r.errors) io.stdout(`    错误: ${e.message}\n           ${e.messageEn}\n`)
        for (const w of r.warnings) io.stdout(`    注意: ${w.message}\n           ${w.messageEn}\n`)
        if (r.suggestions.length > 0) io.stdout(`    可能是 Possibly: ${r.suggestions.join(', ')}\n`)
      }
    }
    return results.every((r) => r.valid) ? EXIT.ok : EXIT.problems
  },
}
