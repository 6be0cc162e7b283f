// Copies the pinned runtime data out of node_modules into resources/, where the app, the CLI and
// the installers find it: the tesseract best_int language models (one folder, as tesseract.js
// needs) and the letter font with its licence. Runs on `npm ci` (prepare), idempotent.
// The npm packages are the source of truth; resources/tessdata and resources/fonts are not committed.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
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
  if (existsSync(target) && statSync(target).size === statSync(from).size) continue
  copyFileSync(from, target)
  console.log(`prepare-resources: ${to}`)
}
