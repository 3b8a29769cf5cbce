import { ZErrorBody, type Lang } from '@tongxin/contracts';
import { translator } from '../i18n/catalogs';
import { ApiError } from './ApiError';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

type RequestOptions = { query?: QueryParams; body?: unknown; signal?: AbortSignal };

const BASE = '/api/v1';
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

/** One call of the Tongxin API: JSON in and out, cookie session, CSRF header on writes. */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': requestLang };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
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
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
