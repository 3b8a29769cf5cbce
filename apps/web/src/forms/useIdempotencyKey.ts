import { useCallback, useRef } from 'react';
import { ApiError, isApiError } from '../api/ApiError';
import { useT } from '../i18n/useT';

/**
 * A random UUID. crypto.randomUUID exists only on secure pages (HTTPS or localhost); a county office may
 * reach the server over plain HTTP on its network, where getRandomValues still works.
 */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Sends a posting with the form's Idempotency-Key. */
export type IdempotentSend = <T>(post: (key: string) => Promise<T>) => Promise<T>;

/**
 * The Idempotency-Key of a posting form: one per business event, made on the first submission. A double
 * click, or a retry after the network lost the answer, sends the same key and the server posts the event
 * once. After a success the next submission is a new event with a new key; after a refusal nothing was
 * posted and the corrected submission keeps it. When the server says the key already posted something else
 * (the first try went through but its answer was lost, and the form was changed since), the next try is a
 * new event too.
 */
export function useIdempotencyKey(): IdempotentSend {
  const t = useT();
  const key = useRef<string | null>(null);
  return useCallback(
    async <T>(post: (key: string) => Promise<T>): Promise<T> => {
      key.current ??= randomKey();
      try {
        const result = await post(key.current);
        key.current = null;
        return result;
      } catch (error) {
        if (!isApiError(error) || error.code !== 'IDEMPOTENCY_KEY_REUSED') throw error;
        key.current = null;
        // The server speaks of keys; the user needs to hear that the earlier try went through.
        throw new ApiError(error.status, error.code, t('posting.keyReused'), [], error.requestId);
      }
    },
    [t],
  );
}
