import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log line. Personal data and secrets never reach a log;
 * the audit trail keeps the masked form where a change must be traceable.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.temporaryPassword',
  '*.idNumber',
  '*.phone',
  '*.address',
];

/** Query parameters that may carry personal data (an exact ID-number search), blanked in logged URLs. */
const SENSITIVE_QUERY = /([?&](?:idNumber|phone|address)=)[^&]*/gi;

export function scrubUrl(url: string): string {
  return url.replace(SENSITIVE_QUERY, '$1[redacted]');
}

type RequestLike = { method?: string; url?: string; ip?: string; id?: string };
type ReplyLike = { statusCode?: number };

/** What a log line says of a request and a response: enough to follow it, nothing personal. */
const serializers = {
  req: (req: RequestLike) => ({ method: req.method, url: req.url ? scrubUrl(req.url) : undefined, ip: req.ip }),
  res: (res: ReplyLike) => ({ statusCode: res.statusCode }),
};

export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, serializers };
}

export function createLogger(options: { level: string; pretty: boolean }): Logger {
  return pino({
    ...loggerOptions(options.level),
    ...(options.pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:standard', ignore: 'pid,hostname' } } }
      : {}),
  });
}

export type { Logger };
