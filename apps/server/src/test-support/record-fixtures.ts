import fs from 'node:fs';
import path from 'node:path';
import type { TOrganization } from '@tongxin/contracts';
import type { Database } from '../platform/db/index.js';
import { insertImportJob } from '../modules/registry/import/import-job.repository.js';
import { receiptsOfDonation } from '../modules/funds/index.js';
import { uploadProjectFile } from '../modules/projects/index.js';
import { systemContext } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { jpegWithGps } from './images.js';
import { makeOrganization, makeProject, makeUser } from './factories.js';
import { donate, makeDonor, makePaymentBatch, makePledge } from './funds-factories.js';
import { attachPdf, makePublication } from './publication-factories.js';
import { makeHousehold, makeVillage, testVillageCode } from './registry-factories.js';

export type FixtureContext = { db: Database; dataDir: string; owner: TOrganization };

let villages = 0;
/** A village of the owner (a county of region 150822, with test villages loaded) and one household in it. */
async function villageOf({ db, owner }: FixtureContext) {
  villages += 1;
  return makeVillage(db, owner, testVillageCode(owner.regionCode ?? '150822', villages));
}
async function householdOf(ctx: FixtureContext) {
  return makeHousehold(ctx.db, (await villageOf(ctx)).id);
}
/** An import job of the owner's organization with an error report, as a finished import leaves it. */
async function importOf({ db, dataDir, owner }: FixtureContext) {
  const id = newId();
  const dir = path.join(dataDir, 'imports', id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'errors.xlsx'), 'a stand-in for the workbook');
  await insertImportJob(db.executor, {
    id,
    kind: 'households',
    mode: 'all',
    file_name: 'test.xlsx',
    file_sha256: null,
    status: 'done',
    organization_id: owner.id,
    actor_id: 'fixture',
    actor_username: 'fixture',
    total_rows: 0,
    valid_rows: 0,
    error_rows: 0,
    committed_rows: 0,
    committed: 0,
    problem_count: 0,
    problems: '[]',
    has_error_report: 1,
    message: null,
    created_at: new Date().toISOString(),
    finished_at: new Date().toISOString(),
  });
  return id;
}

/**
 * For every GET route with path parameters: how to make a record that `owner` (a county organization)
 * holds, returning the path parameters that address it. The access test generated from the OpenAPI
 * document fails for a route that has neither a fixture here nor a place in SHARED_REFERENCE_ROUTES,
 * so every new module says here how its records are owned.
 */
export const RECORD_FIXTURES: Readonly<Record<string, (ctx: FixtureContext) => Promise<Record<string, string>>>> = {
  '/api/v1/organizations/{id}': async ({ db, owner }) => ({ id: (await makeOrganization(db, { parent: owner })).id }),
  '/api/v1/organizations/{id}/history': ({ owner }) => Promise.resolve({ id: owner.id }),
  '/api/v1/organizations/{id}/members': ({ owner }) => Promise.resolve({ id: owner.id }),
  '/api/v1/users/{id}': async ({ db, owner }) => ({ id: (await makeUser(db, owner, 'org_staff')).id }),
  '/api/v1/villages/{id}': async (ctx) => ({ id: (await villageOf(ctx)).id }),
  '/api/v1/households/{id}': async (ctx) => ({ id: (await householdOf(ctx)).id }),
  '/api/v1/households/{id}/history': async (ctx) => ({ id: (await householdOf(ctx)).id }),
  '/api/v1/imports/{id}': async (ctx) => ({ id: await importOf(ctx) }),
  '/api/v1/projects/{id}': async (ctx) => ({ id: (await makeProject(ctx.db, ctx.owner)).id }),
  '/api/v1/projects/{id}/timeline': async (ctx) => ({ id: (await makeProject(ctx.db, ctx.owner)).id }),
  '/api/v1/projects/{id}/records': async (ctx) => ({ id: (await makeProject(ctx.db, ctx.owner)).id }),
  '/api/v1/projects/{id}/files/{fileId}': async (ctx) => {
    const project = await makeProject(ctx.db, ctx.owner);
    const file = await uploadProjectFile(systemContext(ctx.db.executor), project.id, {
      kind: 'photo',
      fileName: 'photo.jpg',
      bytes: jpegWithGps(),
      isPublic: false,
      dataDir: ctx.dataDir,
    });
    return { id: project.id, fileId: file.id };
  },
  '/api/v1/donors/{id}': async (ctx) => ({ id: (await makeDonor(ctx.db, ctx.owner)).id }),
  '/api/v1/donations/{id}': async (ctx) => ({ id: (await donate(ctx.db, ctx.owner, 10_000)).id }),
  '/api/v1/donations/{id}/trace': async (ctx) => ({ id: (await donate(ctx.db, ctx.owner, 10_000)).id }),
  '/api/v1/ledger/entries/{id}': async (ctx) => ({ id: (await donate(ctx.db, ctx.owner, 10_000)).entryId }),
  '/api/v1/donations/{id}/receipts': async (ctx) => ({ id: (await donate(ctx.db, ctx.owner, 10_000)).id }),
  '/api/v1/receipts/{id}/pdf': async (ctx) => {
    const gift = await donate(ctx.db, ctx.owner, 10_000);
    const [receipt] = await receiptsOfDonation(systemContext(ctx.db.executor), gift.id);
    return { id: receipt?.id ?? '' };
  },
  '/api/v1/projects/{id}/remainders': async (ctx) => ({ id: (await makeProject(ctx.db, ctx.owner)).id }),
  '/api/v1/pledges/{id}': async (ctx) => ({ id: (await makePledge(ctx.db, ctx.owner)).id }),
  '/api/v1/funds/payment-batches/{id}': async (ctx) => ({ id: (await makePaymentBatch(ctx.db, ctx.owner)).batch.id }),
  '/api/v1/projects/{id}/funding': async (ctx) => ({ id: (await makeProject(ctx.db, ctx.owner)).id }),
  '/api/v1/projects/{id}/payment-batches': async (ctx) => ({ id: (await makeProject(ctx.db, ctx.owner)).id }),
  '/api/v1/imports/{id}/problems': async (ctx) => ({ id: await importOf(ctx) }),
  '/api/v1/imports/{id}/error-report': async (ctx) => ({ id: await importOf(ctx) }),
  '/api/v1/publications/{id}': async (ctx) => ({ id: (await makePublication(ctx.db, ctx.owner)).id }),
  '/api/v1/publications/{id}/files/{fileId}': async (ctx) => {
    const publication = await makePublication(ctx.db, ctx.owner);
    const file = await attachPdf(ctx.db, ctx.dataDir, publication.id);
    return { id: publication.id, fileId: file.id };
  },
};

/** Reference data that belongs to no organization: every signed-in user may read it. */
export const SHARED_REFERENCE_ROUTES: readonly string[] = [
  '/api/v1/regions/{code}',
  '/api/v1/imports/templates/{kind}',
];

/** Stand-in values for path parameters, for requests that should be refused before they look anything up. */
export function placeholderFor(name: string): string {
  return name === 'code' ? '150000' : '01234567-89ab-7def-8123-456789abcdef';
}
