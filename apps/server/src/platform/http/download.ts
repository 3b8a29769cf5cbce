import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A Content-Disposition for a file named in Chinese: the name in RFC 5987 form, and a plain ASCII name beside
 * it for clients that read only that one (by default "download" with the name's extension).
 */
export function contentDisposition(
  disposition: 'attachment' | 'inline',
  name: string,
  asciiName: string | null = `download${name.slice(name.lastIndexOf('.'))}`,
): string {
  const ascii = asciiName ? `; filename="${asciiName}"` : '';
  return `${disposition}${ascii}; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a workbook (a buffer or a stream) as a download under its Chinese name. */
export function sendWorkbook(reply: FastifyReply, workbook: unknown, name: string, asciiName: string) {
  return reply
    .header('content-disposition', contentDisposition('attachment', name, asciiName))
    .type(XLSX_TYPE)
    .send(workbook);
}
