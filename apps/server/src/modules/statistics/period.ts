import { beijingDate } from '../../platform/time.js';
import { statisticsErrors as errors } from './errors.js';

/** A date range of business dates; `from` open means "from the beginning". */
export type Period = { from: string | undefined; to: string };

/** The range a question asks about: a year, explicit dates, or everything up to today. */
export function periodOf(query: {
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Period {
  if (query.year !== undefined) {
    return { from: query.from ?? `${query.year}-01-01`, to: query.to ?? `${query.year}-12-31` };
  }
  const to = query.to ?? beijingDate();
  if (query.from && query.from > to) throw errors.badRange({ from: query.from, to });
  return { from: query.from, to };
}

/** The same range a year earlier; 29 February becomes the 28th. */
export function yearBefore(period: Period): Period {
  const shift = (date: string) => {
    const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
    const rest = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
    return `${year}${rest}`;
  };
  return { from: period.from ? shift(period.from) : undefined, to: shift(period.to) };
}

/** The years a range spans, for figures by year; an open start reaches back ten years. */
export function yearsOf(period: Period): Period[] {
  const last = Number(period.to.slice(0, 4));
  const first = period.from ? Number(period.from.slice(0, 4)) : last - 9;
  const years: Period[] = [];
  for (let year = first; year <= last; year += 1) {
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    years.push({
      from: period.from && period.from > start ? period.from : start,
      to: period.to < end ? period.to : end,
    });
  }
  return years;
}
