/**
 * The scan images the app scheme serves: thumbnails, upright pages and value crops made once with
 * intake's decoder and cached in the app's private folder; a path check that serves nothing outside
 * a case folder (traversal in any spelling, unknown cases and scans, scans linked to elsewhere); a
 * placeholder for a damaged file instead of a failed request.
 */
import { mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../electron/services/handlers'
import { parseCaseFilePath } from '../../../electron/services/scans/case-file-server'
import { scanImport } from '../../../electron/services/scans/import-limits'
import { ScanImages } from '../../../electron/services/scans/scan-images'
import type { ResultOf } from '../../../shared/ipc/contract'
import { dispatch } from '../../../shared/ipc/dispatch'
import { makeTestApp, type TestApp } from '../../support/app-services'

async function open(app: TestApp, caseId: string): Promise<ResultOf<'scan.list'>> {
  const envelope = await dispatch(app.handlers, 'scan.list', { caseId })
  if (!envelope.ok) throw new Error(envelope.error.messageEn)
  return envelope.value as ResultOf<'scan.list'>
}

/** A case with one real scan (a landscape card) and a stored reading with one boxed value. */
async function caseWithScan(app: TestApp): Promise<{ caseId: string; folder: string }> {
  const caseId = 'case-with-scan'
  const folder = path.join(app.workspace, caseId)
  await mkdir(path.join(folder, 'scans'), { recursive: true })
  const card = await sharp({ create: { width: 1200, height: 760, channels: 3, background: '#e8eef5' } })
    .composite([{ input: { create: { width: 400, height: 60, channels: 3, background: '#1d2129' } }, left: 500, top: 300 }])
    .jpeg()
    .toBuffer()
  await writeFile(path.join(folder, 'scans', 'id.jpg'), card)
  await writeFile(path.join(folder, 'scans', 'broken.jpg'), card.subarray(0, 2000))
  const reading = {
    version: 1,
    kind: 'id-card',
    colour: true,
    image: { width: 1200, height: 760 },
    rotation: 0,
    fields: { idNumber: { value: '11010519491231002X', confidence: 0.97, box: { x: 500, y: 300, width: 400, height: 60 } } },
    findings: [],
  }
  await writeFile(
    path.join(folder, 'case.json'),
    JSON.stringify({
      schemaVersion: 1,
      documents: [
        { file: 'scans/id.jpg', role: 'principal-id', extracted: reading },
        { file: 'scans/broken.jpg', role: 'other' },
      ],
    }),
  )
  return { caseId, folder }
}

const path0 = (url: string) => `/${url.split('?')[0] as string}`

/** The cache entries (folders holding rendered images) under `dir`, at any depth. */
async function entries(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const at = path.join(dir, e.name)
    if (!e.isDirectory()) continue
    const inner = await readdir(at, { withFileTypes: true })
    if (inner.some((x) => x.isFile())) found.push(at)
    else found.push(...(await entries(at)))
  }
  return found.sort()
}

/** A second case made by the app, with one scan of its own. */
async function createdCase(app: TestApp): Promise<string> {
  const created = await dispatch(app.handlers, 'case.create', {})
  if (!created.ok) throw new Error(created.error.messageEn)
  const caseId = (created.value as ResultOf<'case.create'>).id
  const source = path.join(app.root, 'other-card.jpg')
  await writeFile(
    source,
    await sharp({ create: { width: 900, height: 570, channels: 3, background: '#c83c28' } })
      .jpeg()
      .toBuffer(),
  )
  const added = await dispatch(app.handlers, 'scan.add', { caseId, paths: [source] })
  if (!added.ok) throw new Error(added.error.messageEn)
  return caseId
}

/** Renders a scan's thumbnail and page, so the cache holds its images. */
async function render(app: TestApp, caseId: string): Promise<void> {
  for (const scan of (await open(app, caseId)).scans) {
    if (scan.thumbUrl) expect((await app.caseFiles(path0(scan.thumbUrl))).status).toBe(200)
    if (scan.pageUrl) expect((await app.caseFiles(path0(scan.pageUrl))).status).toBe(200)
  }
}

describe('the case-file server', () => {
  it('serves a thumbnail, the page and the crop of a value, made once and kept private', async () => {
    const app = await makeTestApp()
    const { caseId } = await caseWithScan(app)
    const [scan] = (await open(app, caseId)).scans
    if (!scan?.thumbUrl || !scan.pageUrl) throw new Error('a scan with images')
    const crop = scan.fields[0]?.cropUrl
    expect(scan.fields[0]).toMatchObject({ name: 'idNumber', box: { x: 500 / 1200, y: 300 / 760 } })
    const thumb = await app.caseFiles(path0(scan.thumbUrl))
    if (thumb.status !== 200) throw new Error(`thumb: ${thumb.status}`)
    expect(await sharp(thumb.body).metadata()).toMatchObject({ format: 'jpeg', width: scanImport.thumbnail.longSide })
    const page = await app.caseFiles(path0(scan.pageUrl))
    expect(page.status === 200 && (await sharp(page.body).metadata()).width).toBe(1200)
    if (!crop) throw new Error('a crop URL')
    const cut = await app.caseFiles(path0(crop))
    if (cut.status !== 200) throw new Error(`crop: ${cut.status}`)
    // The crop is the dark value band with a small margin: dark in the middle.
    const { channels } = await sharp(cut.body).stats()
    expect(channels[0]?.mean).toBeLessThan(110)
    // Cached once, in a folder only the user can read.
    const cache = path.join(app.userData, 'cache', 'scan-images')
    const [entry] = await entries(cache)
    expect((await readdir(entry as string)).sort()).toEqual(expect.arrayContaining(['page.jpg', 'page.json', 'thumb.jpg']))
    if (process.platform !== 'win32') expect((await stat(cache)).mode & 0o077).toBe(0)
    const before = (await stat(path.join(entry as string, 'thumb.jpg'))).mtimeMs
    await app.caseFiles(path0(scan.thumbUrl))
    expect((await stat(path.join(entry as string, 'thumb.jpg'))).mtimeMs).toBe(before)
  })

  it('answers a damaged scan with a placeholder image, not a failed request', async () => {
    const app = await makeTestApp()
    const { caseId } = await caseWithScan(app)
    const broken = (await open(app, caseId)).scans[1]
    if (!broken?.thumbUrl) throw new Error('a thumbnail URL')
    const answer = await app.caseFiles(path0(broken.thumbUrl))
    expect(answer.status).toBe(200)
    if (answer.status === 200) expect((await sharp(answer.body).metadata()).format).toBe('jpeg')
  })

  it('serves nothing outside the case folder, however the URL is spelt', async () => {
    const app = await makeTestApp()
    const { caseId, folder } = await caseWithScan(app)
    const [scan] = (await open(app, caseId)).scans
    const id = scan?.scanId as string
    for (const bad of [
      `/case-file/..%2F..%2Fetc/${id}/thumb.jpg`,
      `/case-file/${encodeURIComponent('../x')}/${id}/thumb.jpg`,
      `/case-file/${caseId}/../../${id}/thumb.jpg`,
      `/case-file/${caseId}/${id}/thumb.png`,
      `/case-file/${caseId}/scans%2Fid.jpg/thumb.jpg`,
      `/case-file/%E0%A4%A/${id}/thumb.jpg`,
      `/case-file/.hidden/${id}/thumb.jpg`,
    ])
      expect((await app.caseFiles(bad)).status, bad).toBe(400)
    expect((await app.caseFiles(`/case-file/no-such-case/${id}/thumb.jpg`)).status).toBe(404)
    expect((await app.caseFiles(`/case-file/${caseId}/s0000000000000000/thumb.jpg`)).status).toBe(404)
    expect((await app.caseFiles(`/case-file/${caseId}/${id}/crop-personName.jpg`)).status).toBe(404)
    expect((await app.caseFiles(`/case-file/${caseId}/${id}/original.jpg`)).status).toBe(404)
    // A scan that is a link to a file elsewhere is refused, not followed.
    const outside = path.join(app.root, 'secret.jpg')
    await writeFile(outside, await readFile(path.join(folder, 'scans', 'id.jpg')))
    await rm(path.join(folder, 'scans', 'id.jpg'))
    await symlink(outside, path.join(folder, 'scans', 'id.jpg'))
    expect((await app.caseFiles(`/case-file/${caseId}/${id}/thumb.jpg`)).status).toBe(403)
  })

  it('removes a case’s renders when the case is deleted, and a scan’s (every version) when it is removed (issue 13 item 9)', async () => {
    const app = await makeTestApp()
    await app.pruned
    const cache = path.join(app.userData, 'cache', 'scan-images')
    const { caseId, folder } = await caseWithScan(app)
    const kept = await createdCase(app)
    await render(app, caseId)
    await render(app, kept)
    expect(await entries(cache)).toHaveLength(2)
    // A second version of the scan: the same file after a new reading with a quarter turn.
    const data = JSON.parse(await readFile(path.join(folder, 'case.json'), 'utf8')) as {
      documents: Array<{ extracted?: { rotation: number } }>
    }
    const first = data.documents[0]?.extracted
    if (first) first.rotation = 90
    await writeFile(path.join(folder, 'case.json'), JSON.stringify(data))
    await render(app, caseId)
    const all = await entries(cache)
    expect(all).toHaveLength(3)
    const [scan] = (await open(app, caseId)).scans
    const removed = await dispatch(app.handlers, 'scan.remove', { caseId, scanId: scan?.scanId })
    expect(removed.ok).toBe(true)
    const afterRemove = await entries(cache)
    // Both versions of id.jpg are gone; the broken scan had no renders; the other case is untouched.
    expect(afterRemove).toHaveLength(1)
    expect(await dispatch(app.handlers, 'case.delete', { caseId })).toMatchObject({ ok: true })
    const afterDelete = await entries(cache)
    expect(afterDelete.length).toBeGreaterThan(0)
    await render(app, kept)
    expect(await entries(cache)).toEqual(afterDelete)
    expect(await dispatch(app.handlers, 'case.delete', { caseId: kept })).toMatchObject({ ok: true })
    expect(await entries(cache)).toEqual([])
  })

  it('prunes at start-up renders unused for 30 days, the least recently used over the cap, and the old flat layout', async () => {
    const app = await makeTestApp()
    const cache = path.join(app.userData, 'cache')
    const { caseId } = await caseWithScan(app)
    const other = await createdCase(app)
    await render(app, caseId)
    await render(app, other)
    const [a, b] = await entries(path.join(cache, 'scan-images'))
    if (!a || !b) throw new Error('two cache entries')
    // The old layout: a hash folder with images straight in it.
    const flat = path.join(cache, 'scan-images', '0123456789abcdef0123456789abcdef')
    await mkdir(flat)
    await writeFile(path.join(flat, 'page.jpg'), 'old render')
    const day = 86_400_000
    const now = Date.now()
    await utimes(a, new Date(now - 31 * day), new Date(now - 31 * day))
    await utimes(b, new Date(now - 29 * day), new Date(now - 29 * day))
    const images = new ScanImages(cache)
    expect(await images.prune({ now })).toMatchObject({ removed: 2 })
    expect(await entries(path.join(cache, 'scan-images'))).toEqual([b])
    // Over the cap: the least recently used go first, until the rest fits.
    await render(app, caseId)
    await render(app, other)
    const fresh = (await entries(path.join(cache, 'scan-images'))).filter((e) => e !== b)
    expect(fresh).toHaveLength(1)
    const summary = await images.prune({ now, maxBytes: 1 })
    expect(summary).toMatchObject({ removed: 2, bytes: 0 })
    expect(await entries(path.join(cache, 'scan-images'))).toEqual([])
    // The app prunes on its own when it starts.
    await render(app, caseId)
    const [entry] = await entries(path.join(cache, 'scan-images'))
    await utimes(entry as string, new Date(now - 40 * day), new Date(now - 40 * day))
    // A restart: the same services over the same user data.
    expect(await createBackend(app.services).pruned).toMatchObject({ removed: 1 })
    expect(await entries(path.join(cache, 'scan-images'))).toEqual([])
  })

  it('reads its URLs back exactly', () => {
    expect(parseCaseFilePath('/case-file/%E6%A1%88%E4%BB%B6%20A/s0123456789abcdef/crop-idNumber.jpg')).toEqual({
      caseId: '案件 A',
      scanId: 's0123456789abcdef',
      variant: 'crop-idNumber',
    })
    expect(parseCaseFilePath('/case-file/a/s0123456789abcdef/thumb.jpg/x')).toBeNull()
  })
})
