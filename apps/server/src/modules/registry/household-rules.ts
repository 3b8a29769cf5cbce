import type { THouseholdType, TMonitoringCategory } from '@tongxin/contracts';
import { fieldProblem, type FieldProblem } from '../../platform/errors/index.js';
import { registryFieldMessages as messages } from './errors.js';

export type HouseholdFacts = {
  type: THouseholdType;
  identifiedYear: number | null;
  exitYear: number | null;
  monitoringCategory: TMonitoringCategory | null;
  riskEliminated: boolean;
  riskEliminationWay: string | null;
  riskEliminatedOn: string | null;
  mainCause: number | null;
  otherCauses: readonly number[];
};

/** Rules across fields of one household, as the 建档立卡 and monitoring forms state them. */
export function householdProblems(facts: HouseholdFacts, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (facts.exitYear !== null && facts.identifiedYear !== null && facts.exitYear < facts.identifiedYear) {
    problems.push(fieldProblem(`${prefix}exitYear`, messages.exitBeforeIdentified, { year: facts.identifiedYear }));
  }
  if (facts.type === 'monitored' && !facts.monitoringCategory) {
    problems.push(fieldProblem(`${prefix}monitoringCategory`, messages.monitoringNeedsCategory));
  }
  if (facts.riskEliminated && (!facts.riskEliminationWay || !facts.riskEliminatedOn)) {
    problems.push(fieldProblem(`${prefix}riskEliminatedOn`, messages.eliminationNeedsDate));
  }
  const causes = [facts.mainCause, ...facts.otherCauses].filter((cause) => cause !== null);
  if (new Set(causes).size !== causes.length)
    problems.push(fieldProblem(`${prefix}otherCauses`, messages.causesRepeat));
  return problems;
}
