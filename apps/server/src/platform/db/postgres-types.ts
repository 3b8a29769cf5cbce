import pg from 'pg';

const { builtins } = pg.types;

function toSafeNumber(text: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new RangeError(`Integer ${text} exceeds the safe range of a JavaScript number`);
  }
  return value;
}

const parseTimestamptz = pg.types.getTypeParser(builtins.TIMESTAMPTZ, 'text') as (text: string) => Date;

/**
 * Makes PostgreSQL hand back the same JavaScript values as SQLite: 64-bit integers and sums as numbers
 * (fen stay exact below 2^53, i.e. ¥90 trillion), dates as 'YYYY-MM-DD', instants as ISO text in UTC.
 */
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];

export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: TypeId, format: 'text' | 'binary' = 'text'): unknown => {
    switch (oid) {
      case builtins.INT8:
      case builtins.NUMERIC:
        return toSafeNumber;
      case builtins.DATE:
        return (text: string) => text;
      case builtins.TIMESTAMPTZ:
        return (text: string) => parseTimestamptz(text).toISOString();
      default:
        return pg.types.getTypeParser(oid, format) as unknown;
    }
  }) as pg.CustomTypesConfig['getTypeParser'],
};
