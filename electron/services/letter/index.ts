/**
 * The commitment letter's public face for the app, the CLI and the package: one import for
 * generating the letter, importing a template and checking a signed scan.
 *
 * - generateLetter(case, { date?, template?, today?, fonts? }) → { pdf | null, findings, scanLayout, … }
 * - loadTemplateFile(path, metrics?) → validated template or its problems; loadBundledTemplate(variant)
 * - analyseSignedScan(image, scanLayout) → what to store as documents[i].extracted.letter
 * - matchLetterText(ocrLines, expectation) → whether the scan names this case (the rules rerun it)
 */
export { FontUnavailableError, loadLetterFonts, type LetterFonts } from './fonts'
export { generateLetter, layoutFor, letterDate, type GeneratedLetter, type GenerateLetterOptions } from './generate'
export { analyseSignedScan, SCAN_LIMITS } from './signed-scan'
export { BUNDLED_TEMPLATE_FILES, loadBundledTemplate, loadTemplateFile, templateGlyphProblems, type TemplateLoadResult } from './templates'
export { matchLetterText, type LetterExpectation } from '../../../shared/letter/match'
export { readLetterScan, readScanText, type LetterScan } from '../../../shared/letter/scan-result'
export { scanLayout, variantForSponsorType, type LetterTemplate, type ScanLayout } from '../../../shared/letter/template'
