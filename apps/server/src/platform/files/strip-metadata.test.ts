import { describe, expect, it } from 'vitest';
import { jpegWithGps } from '../../test-support/images.js';
import { stripJpegMetadata } from './strip-metadata.js';

const EOI = Buffer.from([0xff, 0xd9]);

describe('JPEG metadata stripping', () => {
  it('keeps the picture and drops EXIF, GPS and comments', () => {
    const stripped = stripJpegMetadata(jpegWithGps());
    expect(stripped.includes(Buffer.from('GPS'))).toBe(false);
    expect(stripped.includes(Buffer.from('张三'))).toBe(false);
    expect(stripped.includes(Buffer.from('compressed-scan-data'))).toBe(true);
    expect(stripped.subarray(-2)).toEqual(EOI);
  });

  it('drops a second image appended after the first (Multi-Picture Format), with its EXIF and GPS', () => {
    const twice = Buffer.concat([jpegWithGps(), jpegWithGps()]);
    const stripped = stripJpegMetadata(twice);
    expect(stripped.includes(Buffer.from('GPS'))).toBe(false);
    expect(stripped).toEqual(stripJpegMetadata(jpegWithGps()));
  });

  it('reads compressed data with stuffed 0xFF bytes and restart markers as part of the picture', () => {
    const photo = jpegWithGps();
    const scanData = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56, 0xff, 0xff, 0xd9]);
    const at = photo.indexOf(Buffer.from('compressed-scan-data'));
    const withStuffing = Buffer.concat([photo.subarray(0, at), scanData]);
    expect(stripJpegMetadata(withStuffing).subarray(-scanData.length)).toEqual(scanData);
  });
});
