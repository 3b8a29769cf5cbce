import {
  ANNUAL_PUBLICATION_KINDS,
  PUBLICATION_ACTION,
  type Localized,
  type TPublicationAction,
  type TPublicationStatus,
} from '@tongxin/contracts';
import { fieldProblem, type FieldProblem } from '../../platform/errors/index.js';
import { publicationFieldMessages as messages } from './errors.js';
import type { PublicationFileRow, PublicationRow } from './tables.js';

type Transition = { from: readonly TPublicationStatus[]; to: TPublicationStatus; needsReason: boolean };

/** 草稿 → 已发布 → 已撤回 (with a reason) → 已发布 again. Only published ones are ever public. */
export const TRANSITIONS: Readonly<Record<TPublicationAction, Transition>> = {
  publish: { from: ['draft', 'withdrawn'], to: 'published', needsReason: false },
  withdraw: { from: ['published'], to: 'withdrawn', needsReason: true },
};

export function actionsFrom(status: TPublicationStatus): TPublicationAction[] {
  return PUBLICATION_ACTION.values.filter((action) => TRANSITIONS[action].from.includes(status));
}

export function joinedLabels(labels: readonly Localized[]): Localized {
  return {
    'zh-CN': labels.map((l) => `“${l['zh-CN']}”`).join('、'),
    en: labels.map((l) => `“${l.en}”`).join(', '),
  };
}

type KindFacts = Pick<
  PublicationRow,
  'kind' | 'published_on' | 'issue_number' | 'issue_total' | 'copies_printed' | 'report_year'
>;

/**
 * What each kind carries: a magazine issue its issue number (and, optionally, running number and print
 * run); an annual report the year it reports on, not after the year it appears. Other kinds carry neither.
 */
export function kindProblems(facts: KindFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (facts.kind === 'magazine_issue') {
    if (!facts.issue_number) problems.push(fieldProblem('issueNumber', messages.issueNumberRequired));
  } else {
    const magazineOnly = {
      issueNumber: facts.issue_number,
      issueTotal: facts.issue_total,
      copiesPrinted: facts.copies_printed,
    };
    for (const [path, value] of Object.entries(magazineOnly)) {
      if (value !== null) problems.push(fieldProblem(path, messages.magazineFieldsOnly));
    }
  }
  if (ANNUAL_PUBLICATION_KINDS.includes(facts.kind)) {
    if (facts.report_year === null) problems.push(fieldProblem('reportYear', messages.reportYearRequired));
    else if (facts.published_on && facts.report_year > Number(facts.published_on.slice(0, 4))) {
      problems.push(fieldProblem('reportYear', messages.reportYearInFuture, { year: facts.report_year }));
    }
  } else if (facts.report_year !== null) {
    problems.push(fieldProblem('reportYear', messages.reportYearOnlyAnnual));
  }
  return problems;
}

export function isPdf(file: PublicationFileRow): boolean {
  return file.role === 'attachment' && file.mime === 'application/pdf';
}
