export { addFigures, periodRanges, sumFigures, type FigureDelta } from './figures.js';
export { figureMigrations } from './migrations.js';
export { bucketsOf } from './repository.js';
export type { BucketSum } from './repository.js';
export { formatShare, sharesInTenths } from './shares.js';
export type {
  DimensionDefinition,
  FigureRecordQuery,
  FigureRecords,
  FigureSource,
  MeasureDefinition,
} from './source.js';
export type { FigureBucketRow, FigureTables } from './tables.js';
