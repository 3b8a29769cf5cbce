import pg from 'pg';

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMPTZ = 1184;

function toSafeNumber(text: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new RangeError(`Integer ${text} exceeds the safe range of a JavaScript number`);
  }
  return value;
}

/**
 * Makes PostgreSQL hand back the same JavaScript values as SQLite: 64-bit integers and sums as numbers
 * (fen stay exact below 2^53, i.e. ¥90 trillion), dates as 'YYYY-MM-DD', instants as ISO text in UTC.
 */
export const postgresTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case INT8:
      case NUMERIC:
        return toSafeNumber;
      case DATE:
        return (text: string) => text;
      case TIMESTAMPTZ: {
        const parseDate = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date;
        return (text: string) => parseDate(text).toISOString();
      }
      default:
        return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
    }
  },
} as pg.CustomTypesConfig;
