import type { TPledge } from '@tongxin/contracts';

type Instalment = { id: string; due_on: string; amount: number };

/**
 * Counts what came in against a pledge's instalments in the order they fall due: an instalment is
 * fulfilled once covered, overdue when its date has passed (before `today`, a Beijing date) uncovered.
 */
export function coverInstalments(
  instalments: readonly Instalment[],
  fulfilled: number,
  today: string,
): { instalments: TPledge['instalments']; overdue: number } {
  let left = fulfilled;
  let overdue = 0;
  const result = [...instalments]
    .sort((a, b) => a.due_on.localeCompare(b.due_on))
    .map((instalment) => {
      const covered = Math.min(left, instalment.amount);
      left -= covered;
      const missing = instalment.amount - covered;
      const late = missing > 0 && instalment.due_on < today;
      if (late) overdue += missing;
      return {
        id: instalment.id,
        dueOn: instalment.due_on,
        amount: instalment.amount,
        covered,
        status: missing === 0 ? ('fulfilled' as const) : late ? ('overdue' as const) : ('due' as const),
      };
    });
  return { instalments: result, overdue };
}
