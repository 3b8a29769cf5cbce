import { figureSources } from '../../bootstrap.js';
import { organizationNames } from '../../modules/organizations/index.js';
import { systemContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/index.js';
import {
  rebuildFigures,
  verifyFigures,
  type BucketDifference,
  type MeasureCheck,
  type ReplayProgress,
} from '../../platform/figures/index.js';
import { progressBar } from '../progress.js';
import type { Output } from './admin.js';

/** A bar per source (on stderr) while its records are replayed. */
function replayProgress(verb: string, stream: NodeJS.WriteStream): ReplayProgress {
  let current: { source: string; bar: ReturnType<typeof progressBar> } | null = null;
  return (source, done, total) => {
    if (current?.source !== source) current = { source, bar: progressBar(`${verb} ${source}`, stream) };
    current.bar.update(done, total);
    if (done >= total) current.bar.done(`${source}: ${total.toLocaleString()} records read`);
  };
}

function differenceLine(check: MeasureCheck, difference: BucketDifference, names: Map<string, string>): string {
  const definition = check.source.measures[check.measure];
  const dimensions = [
    [definition?.d1?.name ?? 'd1', difference.d1],
    [definition?.d2?.name ?? 'd2', difference.d2],
  ]
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${value}`);
  const organization = `${names.get(difference.organization_id) ?? '?'} (${difference.organization_id})`;
  const off = difference.bucket - difference.records;
  return [
    `  ${difference.period}`,
    organization,
    ...dimensions,
    `buckets ${difference.bucket} vs records ${difference.records} (${off > 0 ? '+' : ''}${off})`,
  ].join('  ');
}

/**
 * `tongxin figures verify`: recomputes every figure from the records and names each bucket that differs
 * (measure, organization, period, dimensions, bucket vs records). Exit code 0 when all agree, 1 otherwise.
 */
export async function figuresVerify(
  db: Database,
  io: Output,
  progress: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const report = await verifyFigures(db.executor, figureSources(), {
    onProgress: replayProgress('Replaying', progress),
  });
  const differing = report.measures.filter((check) => check.differences > 0);
  const names = await organizationNames(
    db.executor,
    differing.flatMap((check) => check.shown.map((difference) => difference.organization_id)),
  );
  for (const check of differing) {
    io.out(`DIFFERENT ${check.measure}: ${check.differences} bucket${check.differences === 1 ? '' : 's'}`);
    for (const difference of check.shown) io.out(differenceLine(check, difference, names));
    if (check.differences > check.shown.length) io.out(`  … and ${check.differences - check.shown.length} more`);
  }
  if (report.unchecked.length > 0) io.out(`Not checked (no source replays them): ${report.unchecked.join(', ')}`);
  const buckets = report.measures.reduce((sum, check) => sum + check.buckets, 0);
  if (differing.length > 0) {
    io.out(`The figures differ from the records in ${differing.length} of ${report.measures.length} measures.`);
    io.out('`tongxin figures rebuild` recomputes them from the records.');
    return 1;
  }
  io.out(`OK: the figures agree with the records (${report.measures.length} measures, ${buckets} buckets).`);
  return 0;
}

/** `tongxin figures rebuild`: replaces the buckets with those the records give, in one audited transaction. */
export async function figuresRebuild(
  db: Database,
  io: Output,
  progress: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const report = await rebuildFigures(
    systemContext(db.executor),
    figureSources(),
    replayProgress('Rebuilding', progress),
  );
  for (const { measure, buckets } of report.measures) io.out(`  ${measure}: ${buckets} buckets`);
  io.out(`Rebuilt the figures from the records: ${report.removed} buckets replaced by ${report.written}.`);
  return 0;
}
