import type { Executor } from '../../platform/db/index.js';
import { publishedAnnualReportsOf } from './disclosure.repository.js';

/** A published annual report: whose, which kind, for which year, published when. */
export type AnnualReportFact = {
  organizationId: string;
  kind: 'annual_work_report' | 'annual_financial_report';
  year: number;
  publishedOn: string;
};

export async function publishedAnnualReports(
  executor: Executor,
  organizationIds: readonly string[],
): Promise<AnnualReportFact[]> {
  return (await publishedAnnualReportsOf(executor, organizationIds)).flatMap((row) =>
    row.report_year !== null &&
    row.published_on !== null &&
    (row.kind === 'annual_work_report' || row.kind === 'annual_financial_report')
      ? [
          {
            organizationId: row.owner_organization_id,
            kind: row.kind,
            year: row.report_year,
            publishedOn: row.published_on,
          },
        ]
      : [],
  );
}
