import { useCallback, useRef } from 'react';

/**
 * Sends a form once at a time: Enter in a field and a click on the button in the same moment (before the
 * button shows that it is busy) would otherwise send it twice and register two records.
 */
export function useSingleFlight(): (send: () => Promise<unknown>) => void {
  const busy = useRef(false);
  return useCallback((send) => {
    if (busy.current) return;
    busy.current = true;
    void send()
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
      });
  }, []);
}
