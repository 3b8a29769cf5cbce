import type { FormInstance } from 'antd';
import { useState } from 'react';
import { placeServerErrors } from './serverErrors';

/** A refusal of the server that is not all said at the form's fields: shown above the form (ErrorAlert). */
export type Refusal = { error: unknown; extra: string[] };

export type ServerRefusal = {
  refusal: Refusal | null;
  /** Puts the server's field problems at the fields and keeps what has no field here for above the form. */
  refuse: (error: unknown) => void;
  /** Forgets the last refusal, as a new attempt starts. */
  clearRefusal: () => void;
};

/**
 * The server's answer to a form that it refused: field problems at their fields (placeServerErrors), and a
 * refusal to show above the form unless everything it said already stands at a field.
 */
export function useServerRefusal(
  form: FormInstance,
  fieldNames: readonly string[],
  aliases?: Readonly<Record<string, string>>,
  codeFields?: Readonly<Record<string, string>>,
): ServerRefusal {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  return {
    refusal,
    refuse: (error) => {
      const placed = placeServerErrors(form, error, fieldNames, aliases, codeFields);
      setRefusal(placed.allPlaced ? null : { error, extra: placed.unplaced });
    },
    clearRefusal: () => setRefusal(null),
  };
}
