import { ZErrorBody, type Lang } from '@tongxin/contracts';
import { translator } from '../i18n/catalogs';
import { ApiError } from './ApiError';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Headers of this call (an Idempotency-Key on postings). */
  headers?: Readonly<Record<string, string>>;
};

const BASE = '/api/v1';

/** The address of an API path, for what the browser fetches itself (an <img>, with the session cookie). */
export function apiUrl(path: string): string {
  return `${BASE}${path}`;
}
let csrfToken: string | null = null;
let requestLang: Lang = 'zh-CN';
let onUnauthorized: (() => void) | null = null;
let onPasswordChangeRequired: (() => void) | null = null;

/** The session's CSRF token, sent with every write; kept from login or GET /auth/session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setRequestLang(lang: Lang): void {
  requestLang = lang;
}

/** What to do when the server says the session is gone (401) or a forced password change is pending. */
export function setSessionHandlers(handlers: { unauthorized: () => void; passwordChangeRequired: () => void }): void {
  onUnauthorized = handlers.unauthorized;
  onPasswordChangeRequired = handlers.passwordChangeRequired;
}

export function queryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function errorOf(response: Response): Promise<ApiError> {
  const t = translator(requestLang);
  const payload: unknown = await response.json().catch(() => null);
  const parsed = ZErrorBody.safeParse(payload);
  if (!parsed.success) return new ApiError(response.status, 'UNEXPECTED_RESPONSE', t('error.unexpected'));
  const { code, message, fields, requestId } = parsed.data.error;
  return new ApiError(response.status, code, message, fields ?? [], requestId);
}

type SendOptions = { query?: QueryParams; body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal };

/** Sends a request with the session cookie, the language and (on writes) the CSRF token; refusals become ApiError. */
async function send(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: SendOptions,
): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': requestLang, ...options.headers };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', translator(requestLang)('error.network'));
  }
  if (!response.ok) {
    const error = await errorOf(response);
    const isAuthCall = path === '/auth/login' || path === '/auth/session';
    if (error.status === 401 && !isAuthCall) onUnauthorized?.();
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired?.();
    throw error;
  }
  return response;
}

/** One call of the Tongxin API: JSON in and out, cookie session, CSRF header on writes. */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(method, path, {
    query: options.query,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A multipart upload (the browser sets the boundary); the answer is JSON. */
export async function apiForm<T>(path: string, form: FormData): Promise<T> {
  const response = await send('POST', path, { headers: { Accept: 'application/json' }, body: form });
  return (await response.json()) as T;
}

/** The file name the server gave a download (RFC 5987 `filename*` first, for Chinese names). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/**
 * Fetches a file (a template, an export, an error report) and hands it to the browser as a download. Going
 * through fetch rather than a link keeps the session checks and shows the server's refusal in words.
 */
export async function download(path: string, query?: QueryParams, fallbackName = 'download'): Promise<string> {
  const response = await send('GET', path, { query, headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
