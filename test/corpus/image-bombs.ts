/**
 * Hostile images that stay inside every decoding limit and still cost the decoder seconds: the
 * work the pixel pool keeps off the main thread (issue 13 item 7). Generated, never committed.
 */

/**
 * A 1-bit BMP of side² pixels (8944²: 79.99 megapixels, just under the per-image limit) with a
 * two-colour palette and a thin grid of ink: 10 MB on disk that decodes, pixel by pixel in
 * JavaScript, to 240 MB of RGB.
 */
export function bitmapBomb(side = 8944): Buffer {
  const rowSize = Math.ceil(side / 32) * 4
  const offset = 14 + 40 + 8
  const out = Buffer.alloc(offset + rowSize * side)
  out.write('BM', 0, 'latin1')
  out.writeUInt32LE(out.length, 2)
  out.writeUInt32LE(offset, 10)
  out.writeUInt32LE(40, 14)
  out.writeInt32LE(side, 18)
  out.writeInt32LE(side, 22)
  out.writeUInt16LE(1, 26)
  out.writeUInt16LE(1, 28)
  out.writeUInt32LE(0, 30)
  out.writeUInt32LE(rowSize * side, 34)
  out.writeUInt32LE(2, 46)
  // Palette: index 0 white, index 1 black (B, G, R, 0).
  out.writeUInt32LE(0x00ffffff, 54)
  out.writeUInt32LE(0x00000000, 58)
  for (let y = 0; y < side; y += 1) {
    const row = offset + y * rowSize
    if (y % 64 === 0) out.fill(0xff, row, row + rowSize)
    else for (let x = 0; x < rowSize; x += 8) out[row + x] = 0x80
  }
  return out
}
