// Test pictures made byte by byte, so that no binary fixture needs to be kept in the repository.

const segment = (marker: number, payload: Buffer) => {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
};

/** A JPEG as a phone writes it: JFIF, an EXIF block with a GPS position, a comment, then the image. */
export function jpegWithGps(): Buffer {
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0MM\0*'),
    Buffer.from('GPSLatitude 40.3256N GPSLongitude 107.0312E'),
  ]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, exif),
    segment(0xfe, Buffer.from('taken by 张三')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xda, Buffer.from([1, 2, 3, 4, 5, 6])),
    Buffer.from('compressed-scan-data'),
    Buffer.from([0xff, 0xd9]),
  ]);
}
