import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';

/**
 * Reads CSV (RFC 4180: quotes, doubled quotes, CR LF) as rows of strings, streaming. Files from Chinese
 * Excel are often GB18030 rather than UTF-8; the first 64 KiB decide, and a BOM wins.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<string[]> {
  let decoder: TextDecoder | null = null;
  let pending = Buffer.alloc(0);
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let afterQuote = false;

  /** Character by character: quotes may open, close, double and hold commas and line breaks. */
  function* consumeQuoted(text: string): Generator<string[]> {
    for (let i = 0; i < text.length; i++) {
      const char = text.charAt(i);
      if (quoted) {
        if (char === '"') {
          if (text.charAt(i + 1) === '"') {
            field += '"';
            i += 1;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else field += char;
        continue;
      }
      if (char === '"' && field === '' && !afterQuote) quoted = true;
      else if (char === ',') {
        row.push(field);
        field = '';
        afterQuote = false;
      } else if (char === '\n') {
        row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
        yield row;
        row = [];
        field = '';
        afterQuote = false;
      } else field += char;
    }
  }

  /**
   * Most files quote nothing: whole lines split on commas, many times faster. The slow path takes over
   * from the first line with a quote, and back again once a row ends cleanly.
   */
  function* consume(text: string): Generator<string[]> {
    let at = 0;
    while (at < text.length) {
      if (quoted || field !== '' || row.length > 0 || afterQuote) {
        const end = text.indexOf('\n', at);
        const part = end < 0 ? text.slice(at) : text.slice(at, end + 1);
        yield* consumeQuoted(part);
        at += part.length;
        continue;
      }
      const end = text.indexOf('\n', at);
      if (end < 0) {
        yield* consumeQuoted(text.slice(at));
        return;
      }
      const line = text.slice(at, end);
      if (line.includes('"')) yield* consumeQuoted(text.slice(at, end + 1));
      else yield (line.endsWith('\r') ? line.slice(0, -1) : line).split(',');
      at = end + 1;
    }
  }

  for await (const chunk of input) {
    const bytes = chunk instanceof Buffer ? chunk : Buffer.from(chunk as Uint8Array);
    if (!decoder) {
      pending = Buffer.concat([pending, bytes]);
      if (pending.length < 65_536) continue;
      decoder = pickDecoder(pending);
      yield* consume(decoder.decode(stripBom(pending), { stream: true }));
      continue;
    }
    yield* consume(decoder.decode(bytes, { stream: true }));
  }
  if (!decoder) {
    decoder = pickDecoder(pending);
    yield* consume(decoder.decode(stripBom(pending), { stream: true }));
  }
  yield* consume(decoder.decode());
  if (field !== '' || row.length > 0) {
    row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield row;
  }
}

function stripBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function pickDecoder(sample: Buffer): TextDecoder {
  try {
    // Streaming mode holds back a multi-byte character cut at the end of the sample instead of failing on it.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('gb18030');
  }
}

/** Quotes a value for CSV when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
