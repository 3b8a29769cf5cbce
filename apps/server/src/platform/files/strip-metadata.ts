/**
 * Removes what a photo says about where and by whom it was taken: EXIF (with its GPS position), XMP,
 * IPTC and comments in JPEG; eXIf and text chunks in PNG. The picture itself is left byte for byte.
 * A JPEG ends at its end-of-image marker: phones append more images after it (Multi-Picture Format:
 * HDR, depth maps, previews), each with an EXIF block of its own, so whatever follows is dropped.
 */
export function stripJpegMetadata(input: Buffer): Buffer {
  if (input[0] !== 0xff || input[1] !== 0xd8) throw new Error('not a JPEG');
  const parts: Buffer[] = [input.subarray(0, 2)];
  let at = 2;
  let sawScan = false;
  while (at + 2 <= input.length) {
    if (input[at] !== 0xff) throw new Error('corrupt JPEG segment');
    const marker = input[at + 1] ?? 0;
    if (marker === 0xd9) {
      if (!sawScan) break;
      parts.push(input.subarray(at, at + 2));
      return Buffer.concat(parts);
    }
    if (at + 4 > input.length) break;
    const length = input.readUInt16BE(at + 2);
    const segment = input.subarray(at, at + 2 + length);
    const droppable = marker === 0xe1 || marker === 0xed || marker === 0xfe; // APP1 EXIF/XMP, APP13 IPTC, COM
    if (!droppable) parts.push(segment);
    at += 2 + length;
    if (marker === 0xda) {
      // Compressed data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      sawScan = true;
      const start = at;
      while (at + 1 < input.length) {
        const next = input[at + 1] ?? 0;
        if (input[at] === 0xff && next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        at += 1;
      }
      if (at + 1 >= input.length) at = input.length;
      parts.push(input.subarray(start, at));
    }
  }
  if (!sawScan) throw new Error('JPEG without image data');
  // No end-of-image marker: a truncated file; keep what there is, as the camera wrote it.
  return Buffer.concat(parts);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

export function stripPngMetadata(input: Buffer): Buffer {
  if (!input.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  const parts: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= input.length) {
    const length = input.readUInt32BE(at);
    const type = input.toString('latin1', at + 4, at + 8);
    const chunk = input.subarray(at, at + 12 + length);
    if (!PNG_DROPPED.has(type)) parts.push(chunk);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}
