/**
 * province-letter-missing: a filing to a 管局 that asks for its own letter (上海, 江苏, 河南 — see
 * province-letters.json) carries a scan of it. The finding says whether ICP Prep prints the letter
 * or where to get it; an unconfirmed requirement warns instead of refusing.
 */
import { provinceLetter } from '../../letter/province-letters'
import type { Check } from '../context'

const provinceLetterMissing: Check = (ctx) => {
  if (ctx.filingType !== null && !ctx.filingType.needsMaterials) return []
  const letter = provinceLetter(ctx.province?.short)
  if (!letter || ctx.case.documents.some((d) => d.role === letter.role)) return []
  const role = ctx.catalogue.documentRoles.find((r) => r.role === letter.role)
  return [
    {
      field: null,
      ...(letter.severity === 'error' ? {} : { variant: 'unconfirmed' }),
      params: {
        province: ctx.province?.short ?? '',
        letter: letter.name,
        letterEn: letter.nameEn,
        obtain: letter.obtain,
        obtainEn: letter.obtainEn,
        material: role?.label ?? letter.role,
        materialEn: role?.labelEn ?? letter.role,
      },
    },
  ]
}

export const provinceLetterChecks: Record<string, Check> = {
  'province-letter-missing': provinceLetterMissing,
}
