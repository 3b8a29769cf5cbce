/** An issued annual figures pack: the figures as issued, so that what was quoted stays what is shown. */
export type AnnualPackRow = {
  organization_id: string;
  year: number;
  issued_at: string;
  issued_by: string;
  /** The pack's sections as JSON (TAnnualSection[]). */
  sections: string;
};

export type StatisticsTables = { annual_packs: AnnualPackRow };
