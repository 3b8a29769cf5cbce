/**
 * Running sums of what modules contribute, per owning organization. Each delta is written twice: into its
 * Beijing calendar year (`grain` 'Y', period 'YYYY') and into its day (`grain` 'D', period 'YYYY-MM-DD'),
 * so that a whole year reads a handful of rows and any date range reads whole years plus the days at its ends.
 */
export type FigureBucketRow = {
  measure: string;
  grain: 'Y' | 'D';
  period: string;
  organization_id: string;
  /** Dimensions the measure declares (e.g. category, status); '' where it has none. */
  d1: string;
  d2: string;
  value: number;
};

export type FigureTables = { figure_buckets: FigureBucketRow };
