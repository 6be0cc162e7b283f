/**
 * What the app accepts when scans are dropped or picked, and how big it draws them: read once from
 * shared/data/scan-import.json (limits are data, each with its reason there).
 */
import { z } from 'zod'
import data from '../../../shared/data/scan-import.json' with { type: 'json' }

const Size = z.object({ longSide: z.number().int().positive(), quality: z.number().int().min(40).max(100) })

const ScanImportSchema = z.object({
  source: z.string().min(10),
  updated: z.string(),
  extensions: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1),
  maxFilesPerAdd: z.number().int().positive(),
  maxFileBytes: z.number().int().positive(),
  maxFolderDepth: z.number().int().min(0),
  maxFolderEntries: z.number().int().positive(),
  thumbnail: Size,
  page: Size,
  crop: z.object({ height: z.number().int().positive(), margin: z.number().int().min(0), quality: z.number().int().min(40).max(100) }),
  renderCache: z.object({ source: z.string().min(10), maxAgeDays: z.number().positive(), maxBytes: z.number().int().positive() }),
})

/** The import and image limits, validated at load (a broken data file fails loudly in tests). */
export const scanImport = ScanImportSchema.parse(data)
