export { addFigures, periodRanges, sumFigures, type FigureDelta } from './figures.js';
export { rebuildFigures, rebuildFiguresIfEmpty, verifyFigures } from './check.js';
export type { FiguresCheck, MeasureCheck, RebuildReport, ReplayProgress } from './check.js';
export { figureMigrations } from './migrations.js';
export { bucketsOf } from './repository.js';
export type { BucketDifference, BucketSum } from './repository.js';
export { formatShare, sharesInTenths } from './shares.js';
export type {
  DimensionDefinition,
  FigureRecordQuery,
  FigureRecords,
  FigureReplayBatch,
  FigureSource,
  MeasureDefinition,
} from './source.js';
export type { FigureBucketRow, FigureTables } from './tables.js';
