/**
 * Both sides of an ID card on one image, for upload forms with one box per person: front (人像面)
 * above back (国徽面), at the same scale, on white with a margin (icp-rules.md §2).
 */
import sharp from 'sharp'
import type { RawImage } from './scan-image'

const RAW = (img: RawImage) => ({ raw: { width: img.width, height: img.height, channels: 3 as const } })

async function toWidth(img: RawImage, width: number): Promise<RawImage> {
  if (img.width === width) return img
  const height = Math.max(1, Math.round((img.height * width) / img.width))
  const out = await sharp(img.data, RAW(img))
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data: out.data, width: out.info.width, height: out.info.height }
}

function layout(
  images: readonly RawImage[],
  width: number,
): { margin: number; heights: number[]; total: { width: number; height: number } } {
  const margin = Math.max(8, Math.round(width * 0.04))
  const heights = images.map((i) => Math.max(1, Math.round((i.height * width) / i.width)))
  const height = heights.reduce((sum, h) => sum + h, 0) + margin * (images.length + 1)
  return { margin, heights, total: { width: width + 2 * margin, height } }
}

/**
 * Stacks the images top to bottom at the narrower one's width (nothing is enlarged), separated and
 * surrounded by a white margin of 4 % of that width. When the stack would be longer than
 * `maxLongSide`, the sides are scaled down first, so no oversized canvas is ever built.
 */
export async function stackImages(
  images: readonly RawImage[],
  maxLongSide = Number.POSITIVE_INFINITY,
): Promise<{ image: RawImage; scaled: boolean }> {
  if (images.length === 0) throw new Error('nothing to stack')
  const natural = Math.min(...images.map((i) => i.width))
  let width = natural
  let plan = layout(images, width)
  while (Math.max(plan.total.width, plan.total.height) > maxLongSide && width > 1) {
    const factor = maxLongSide / Math.max(plan.total.width, plan.total.height)
    width = Math.max(1, Math.min(width - 1, Math.floor(width * factor)))
    plan = layout(images, width)
  }
  const scaled = await Promise.all(images.map((i) => toWidth(i, width)))
  const { margin, total } = plan
  let top = margin
  const layers = scaled.map((i) => {
    const layer = { input: i.data, raw: RAW(i).raw, left: margin, top }
    top += i.height + margin
    return layer
  })
  const out = await sharp({ create: { width: total.width, height: Math.max(total.height, top), channels: 3, background: '#ffffff' } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { image: { data: out.data, width: out.info.width, height: out.info.height }, scaled: width < natural }
}
