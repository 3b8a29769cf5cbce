import { ZOpenDataQuery, type TGrantPackage, type TOpenDataQuery } from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { readOpenData, type OpenDataPrefixes } from './data-set.js';
import { openDataErrors as errors } from './errors.js';
import { grantsCsv, grantsOf } from './giving.js';
import { iatiActivitiesXml } from './iati.js';

// Open data is published, so these answer anyone: they read the public subset only (projects once approved,
// their books cut to what the portal shows). See routes.ts for why they are public.

/** IATI 2.03 activities of the public projects of an organization's subtree, running in a year if given. */
export async function iatiActivities(
  executor: Executor,
  prefixes: OpenDataPrefixes,
  input: TOpenDataQuery,
): Promise<string> {
  const set = await readOpenData(executor, prefixes, input, true);
  if (set.projects.length === 0) throw errors.noActivities();
  return iatiActivitiesXml(set, new Date().toISOString());
}

async function grants(executor: Executor, prefixes: OpenDataPrefixes, input: TOpenDataQuery) {
  const set = await readOpenData(executor, prefixes, input, false);
  return grantsOf(set, ZOpenDataQuery.parse(input).year ?? null);
}

/** 360Giving-style grants as a JSON package. */
export async function grantPackage(
  executor: Executor,
  prefixes: OpenDataPrefixes,
  input: TOpenDataQuery,
): Promise<TGrantPackage> {
  return { grants: (await grants(executor, prefixes, input)).map((row) => row.grant) };
}

/** The same grants as CSV for spreadsheets. */
export async function grantTable(
  executor: Executor,
  prefixes: OpenDataPrefixes,
  input: TOpenDataQuery,
): Promise<string> {
  return grantsCsv(await grants(executor, prefixes, input));
}
