/**
 * Hostile PDFs for the bad-input corpus (issue 13 items 5 and 6), written byte by byte so that a
 * gigabyte of decoded data never exists here: Flate streams of zeros are built from one deflated
 * block repeated (each block ends with a full flush, so the copies chain into one valid zlib
 * stream), which makes a 3 GB stream in milliseconds. Sizes are those of the issue's reproductions.
 */
import { constants, deflateRawSync } from 'node:zlib'

/** A zlib stream that inflates to `total` zero bytes (about 1/1030 of that in size). */
export function zeroFlate(total: number): Buffer {
  const chunk = 1 << 24
  const block = deflateRawSync(Buffer.alloc(chunk), { level: 9, finishFlush: constants.Z_FULL_FLUSH })
  const whole = Math.floor(total / chunk)
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])]
  for (let i = 0; i < whole; i += 1) parts.push(block)
  parts.push(deflateRawSync(Buffer.alloc(total - whole * chunk), { level: 9 }))
  // Adler-32 of n zero bytes: a stays 1, b is n (mod 65521).
  const adler = Buffer.alloc(4)
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0)
  parts.push(adler)
  return Buffer.concat(parts)
}

type PdfObject = string | { readonly dict: string; readonly stream: Buffer }

/**
 * A PDF from its objects (object 1 is the catalog, 2 the page tree), with a correct xref table.
 * Dictionaries of streams get their /Length here.
 */
export function rawPdf(objects: readonly PdfObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let offset = parts[0]?.length ?? 0
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(offset)
    const body =
      typeof o === 'string'
        ? [Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')]
        : [
            Buffer.from(`${i + 1} 0 obj\n<< ${o.dict} /Length ${o.stream.length} >>\nstream\n`, 'latin1'),
            o.stream,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]
    for (const b of body) offset += b.length
    parts.push(...body)
  })
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)]
  parts.push(Buffer.from(`${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'))
  return Buffer.concat(parts)
}

/** A page object drawing the named image XObjects over the A4 page, with an optional extra content stream. */
interface PageSpec {
  /** Object number of the page's content stream. */
  readonly contents: number
  /** Image name → object number. */
  readonly images: Record<string, number>
}

function pageDict(p: PageSpec): string {
  const xobjects = Object.entries(p.images)
    .map(([name, ref]) => `/${name} ${ref} 0 R`)
    .join(' ')
  return `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${p.contents} 0 R /Resources << /XObject << ${xobjects} >> >> >>`
}

const DRAW = (name: string): Buffer => Buffer.from(`q 595 0 0 842 0 0 cm /${name} Do Q\n`, 'latin1')

/** Builds a document of `pages` (page objects are laid out after catalog and tree). */
function documentOf(pages: Array<(first: number) => { page: string; extra: PdfObject[] }>): Buffer {
  // Layout: 1 catalog, 2 pages, then for each page: its page object, then its extra objects.
  const objects: PdfObject[] = ['', '']
  const kids: number[] = []
  for (const make of pages) {
    const pageNumber = objects.length + 1
    const { page, extra } = make(pageNumber + 1)
    kids.push(pageNumber)
    objects.push(page, ...extra)
  }
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>'
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  return rawPdf(objects)
}

/** A page showing a JPEG scan (DCTDecode, stored as is). */
function jpegPage(jpeg: { data: Buffer; width: number; height: number }): (first: number) => { page: string; extra: PdfObject[] } {
  return (first) => ({
    page: pageDict({ contents: first, images: { Im0: first + 1 } }),
    extra: [
      { dict: '', stream: DRAW('Im0') },
      {
        dict: `/Type /XObject /Subtype /Image /Width ${jpeg.width} /Height ${jpeg.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`,
        stream: jpeg.data,
      },
    ],
  })
}

/**
 * 50 pages all drawing one 8944×8944 RGB Flate image of zeros (79.99 megapixels, just under the
 * per-image limit; 240 MB decoded per page, 12 GB for the file): ~246 KB on disk.
 */
export function manyPagesBomb(pages = 50, side = 8944): Buffer {
  const image: PdfObject = {
    dict: `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`,
    stream: zeroFlate(side * side * 3),
  }
  // Objects: 1 catalog, 2 pages, 3 the shared image, 4 the shared content, then the page objects.
  const objects: PdfObject[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', image, { dict: '', stream: DRAW('Im0') }]
  const kids: number[] = []
  for (let i = 0; i < pages; i += 1) {
    kids.push(objects.length + 1)
    objects.push(pageDict({ contents: 4, images: { Im0: 3 } }))
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`
  return rawPdf(objects)
}

/**
 * Page 1: a 10×10 RGB image (300 bytes of pixels) whose Flate stream inflates to `inflated` bytes
 * (3 GB: a 3 MB file); page 2: a good scan, which must still be read.
 */
export function smallImageBomb(good: { data: Buffer; width: number; height: number }, inflated = 3e9): Buffer {
  return documentOf([
    (first) => ({
      page: pageDict({ contents: first, images: { Im0: first + 1 } }),
      extra: [
        { dict: '', stream: DRAW('Im0') },
        {
          dict: '/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode',
          stream: zeroFlate(inflated),
        },
      ],
    }),
    jpegPage(good),
  ])
}

/**
 * Page 1: a content stream that inflates to `inflated` bytes of NULs (white space to a PDF
 * reader; 1.5 GB: a 1.5 MB file) and no image; page 2: a good scan, which must still be read.
 */
export function contentStreamBomb(good: { data: Buffer; width: number; height: number }, inflated = 1.5e9): Buffer {
  return documentOf([
    (first) => ({
      page: pageDict({ contents: first, images: {} }),
      extra: [{ dict: '/Filter /FlateDecode', stream: zeroFlate(inflated) }],
    }),
    jpegPage(good),
  ])
}

/**
 * One page whose content stream is `unit` repeated `times` times, uncompressed: `"0 0 l "` × 80,000
 * (480 KB: path construction that is never painted) and `"BT "` × 80,000 (text objects never
 * closed) made the old regular expressions quadratic. With `good`, the page also draws that scan
 * after the repeated content, so the page is still a scan to read.
 */
export function repeatedContentPdf(unit: string, times: number, good?: { data: Buffer; width: number; height: number }): Buffer {
  const content = Buffer.from(unit.repeat(times), 'latin1')
  if (!good) return documentOf([(first) => ({ page: pageDict({ contents: first, images: {} }), extra: [{ dict: '', stream: content }] })])
  return documentOf([
    (first) => ({
      page: pageDict({ contents: first, images: { Im0: first + 1 } }),
      extra: [
        { dict: '', stream: Buffer.concat([DRAW('Im0'), content]) },
        {
          dict: `/Type /XObject /Subtype /Image /Width ${good.width} /Height ${good.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`,
          stream: good.data,
        },
      ],
    }),
  ])
}

/**
 * A scanner page, plus an object stream (ObjStm) inflating to `inflated` bytes (1 GB: a 1 MB
 * file), which a PDF parser expands while it loads the file, before any page is looked at.
 */
export function objectStreamBomb(good: { data: Buffer; width: number; height: number }, inflated = 1e9): Buffer {
  return documentOf([
    (first) => {
      const page = jpegPage(good)(first)
      return { ...page, extra: [...page.extra, { dict: '/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', stream: zeroFlate(inflated) }] }
    },
  ])
}
