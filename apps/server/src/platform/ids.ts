import { v7 } from 'uuid';

/** UUIDv7: time-ordered, so new rows land at the end of primary-key indexes. */
export function newId(): string {
  return v7();
}
