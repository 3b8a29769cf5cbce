import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Localized } from '@tongxin/contracts';
import { writeScopeOf } from '../../../platform/access/index.js';
import { recordAudit } from '../../../platform/audit/index.js';
import type { ServiceContext } from '../../../platform/context.js';
import { keyring } from '../../../platform/crypto/index.js';
import { withTransaction, type Executor } from '../../../platform/db/index.js';
import { newId } from '../../../platform/ids.js';
import { maskAddress, maskPhone } from '../../../platform/privacy/mask.js';
import { beijingDate } from '../../../platform/time.js';
import { requireWritableOrganization } from '../../organizations/index.js';
import { householdVersion, VERSIONED_FIELDS } from '../household.service.js';
import {
  addMemberCounts,
  findHouseholdIdsByCodes,
  findHouseholdsByCodesInScope,
  insertHouseholds,
  insertHouseholdVersions,
} from '../household.repository.js';
import { sealIdNumber } from '../identity.js';
import { findExistingHashes, insertPersons } from '../person.repository.js';
import { personRow } from '../person.service.js';
import type { HouseholdRow, PersonRow } from '../tables.js';
import { villageForImport, type ImportVillage } from '../village.service.js';
import { COLUMNS_OF, type ImportKind } from './columns.js';
import { importErrors } from './errors.js';
import { countSourceRows, HeaderError, readSourceRows, type FileFormat } from './read-rows.js';
import { headerOf, readHouseholdRow, readPersonRow, type HouseholdRecord, type PersonRecord } from './validate-rows.js';

export type ImportMode = 'all' | 'valid';
export type ImportPhase = 'counting' | 'validating' | 'writing' | 'done';
export type ImportProgress = { phase: ImportPhase; done: number; total: number; percent: number };

export type RowProblem = { row: number; column: string; message: Localized };

export type ImportReport = {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  sha256: string;
  totalRows: number;
  validRows: number;
  errorRows: number;
  committedRows: number;
  committed: boolean;
  /** Every problem up to PROBLEM_LIMIT; `problemCount` counts them all. */
  problems: RowProblem[];
  problemCount: number;
};

export type ImportOptions = {
  kind: ImportKind;
  mode: ImportMode;
  file: string;
  format: FileFormat;
  fileName: string;
  /** The organization new villages go under; the actor's own when left out. */
  organizationId?: string;
  onProgress?: (progress: ImportProgress) => void;
};

export const PROBLEM_LIMIT = 10_000;
const BATCH = 500;
const LOOKUP_BATCH = 1000;

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Reports progress at most every 1% so that a million rows do not mean a million messages. */
function progressReporter(onProgress: ImportOptions['onProgress']) {
  let last = -1;
  return (phase: ImportPhase, done: number, total: number) => {
    if (!onProgress) return;
    const share = total === 0 ? 1 : done / total;
    const percent =
      phase === 'validating' ? share * 50 : phase === 'writing' ? 50 + share * 50 : phase === 'done' ? 100 : 0;
    const rounded = Math.floor(percent);
    if (rounded === last && phase !== 'done') return;
    last = rounded;
    onProgress({ phase, done, total, percent: rounded });
  };
}

type Validated = { problems: RowProblem[]; problemCount: number; badRows: Set<number>; validRows: number };

class ProblemList implements Validated {
  problems: RowProblem[] = [];
  problemCount = 0;
  badRows = new Set<number>();
  validRows = 0;
  constructor(private readonly kind: ImportKind) {}
  add(row: number, key: string, message: Localized) {
    this.problemCount += 1;
    this.badRows.add(row);
    if (this.problems.length < PROBLEM_LIMIT) this.problems.push({ row, column: headerOf(this.kind, key), message });
  }
}

const DUPLICATE_IN_FILE = (first: number): Localized => ({
  'zh-CN': `与第 ${first} 行重复`,
  en: `Repeats row ${first}`,
});
const DUPLICATE_IN_REGISTRY: Localized = {
  'zh-CN': '该身份证号已在登记系统中，同一人只能属于一户',
  en: 'This ID number is already in the registry; a person belongs to one household only',
};
const CODE_IN_REGISTRY: Localized = { 'zh-CN': '该户编号已登记', en: 'This household number is already registered' };
const HOUSEHOLD_UNKNOWN: Localized = {
  'zh-CN': '找不到该户编号，或该户不在你的管理范围内；请先导入户信息',
  en: 'No household with this number that you manage; import the households first',
};

/**
 * Pass one: every row is read and checked, within the file (repeated ID numbers and household numbers)
 * and against the registry, without writing anything.
 */
async function validate(
  ctx: ServiceContext,
  options: ImportOptions,
  organization: Awaited<ReturnType<typeof requireWritableOrganization>>,
  total: number,
  report: (phase: ImportPhase, done: number, total: number) => void,
): Promise<Validated> {
  const list = new ProblemList(options.kind);
  const seenIds = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  const villages = new Map<string, ImportVillage>();
  let pending: { row: number; hash: string; code: string | null; householdCode: string | null }[] = [];
  let done = 0;

  const flush = async () => {
    const existing = await findExistingHashes(
      ctx.db,
      pending.map((p) => p.hash),
    );
    const codes = pending.flatMap((p) => (p.code ? [p.code] : []));
    const takenCodes = await findHouseholdIdsByCodes(ctx.db, codes);
    const householdCodes = pending.flatMap((p) => (p.householdCode ? [p.householdCode] : []));
    const households = await findHouseholdsByCodesInScope(ctx.db, writeScopeOf(ctx.actor), householdCodes);
    for (const item of pending) {
      const idKey = options.kind === 'households' ? 'headIdNumber' : 'idNumber';
      if (existing.has(item.hash)) list.add(item.row, idKey, DUPLICATE_IN_REGISTRY);
      if (item.code && takenCodes.has(item.code)) list.add(item.row, 'code', CODE_IN_REGISTRY);
      if (item.householdCode && !households.has(item.householdCode))
        list.add(item.row, 'householdCode', HOUSEHOLD_UNKNOWN);
    }
    pending = [];
  };

  for await (const source of readSourceRows(options.file, options.format, COLUMNS_OF[options.kind])) {
    const { record, issues } = options.kind === 'households' ? readHouseholdRow(source) : readPersonRow(source);
    for (const issue of issues) list.add(source.row, issue.key, issue.message);
    if (record) {
      const idNumber = 'head' in record ? record.head.idNumber : record.idNumber;
      const idKey = 'head' in record ? 'headIdNumber' : 'idNumber';
      const first = seenIds.get(idNumber);
      if (first !== undefined) list.add(source.row, idKey, DUPLICATE_IN_FILE(first));
      else seenIds.set(idNumber, source.row);
      let code: string | null = null;
      if ('head' in record) {
        code = record.code;
        if (code) {
          const firstCode = seenCodes.get(code);
          if (firstCode !== undefined) list.add(source.row, 'code', DUPLICATE_IN_FILE(firstCode));
          else seenCodes.set(code, source.row);
        }
        const village = await villageForImport(ctx, record.villageCode, organization, villages, 'villageCode', false);
        if (Array.isArray(village)) for (const problem of village) list.add(source.row, 'villageCode', problem.message);
      }
      pending.push({
        row: source.row,
        hash: keyring().lookupHash(idNumber),
        code,
        householdCode: 'householdCode' in record ? record.householdCode : null,
      });
      if (pending.length >= LOOKUP_BATCH) await flush();
    }
    done += 1;
    report('validating', done, total);
  }
  await flush();
  list.validRows = total - list.badRows.size;
  return list;
}

type Writer = { add(row: number, record: HouseholdRecord | PersonRecord): Promise<void>; finish(): Promise<void> };

function householdWriter(
  tx: Executor,
  ctx: ServiceContext,
  organization: { id: string; name: string; region_code: string | null; level: string },
): Writer {
  const villages = new Map<string, ImportVillage>();
  const now = new Date().toISOString();
  const today = beijingDate();
  let households: HouseholdRow[] = [];
  let persons: PersonRow[] = [];
  const txCtx = { ...ctx, db: tx };
  const flush = async () => {
    await insertHouseholds(tx, households);
    await insertPersons(tx, persons);
    // Registered households are on record from their year of identification, others from today.
    await insertHouseholdVersions(
      tx,
      households.map((row) =>
        householdVersion(
          row,
          row.identified_year ? `${row.identified_year}-01-01` : today,
          VERSIONED_FIELDS,
          ctx.actor.username,
          now,
        ),
      ),
    );
    households = [];
    persons = [];
  };
  return {
    async add(_row, record) {
      if (!('head' in record)) return;
      const village = await villageForImport(txCtx, record.villageCode, organization, villages, 'villageCode', true);
      if (Array.isArray(village)) throw new Error(`Village ${record.villageCode} became unavailable during the import`);
      const id = newId();
      const sealed = sealIdNumber(record.head.idNumber);
      const ring = keyring();
      const head = personRow(
        id,
        { ...record.head, relation: 'head', hasMedicalInsurance: false, hasPensionInsurance: false },
        sealed,
        now,
      );
      households.push({
        id,
        code: record.code,
        village_id: village.id,
        region_code: record.villageCode,
        organization_id: village.organizationId,
        address_cipher: record.address ? ring.encrypt(record.address) : null,
        address_masked: record.address ? maskAddress(record.address) : null,
        phone_cipher: record.phone ? ring.encrypt(record.phone) : null,
        phone_masked: record.phone ? maskPhone(record.phone) : null,
        type: record.type,
        identified_year: record.identifiedYear,
        identification_score: null,
        main_cause: record.mainCause,
        second_cause: record.otherCauses[0] ?? null,
        third_cause: record.otherCauses[1] ?? null,
        income_per_capita: record.incomePerCapita,
        wage_income: null,
        production_income: null,
        transfer_income: null,
        property_income: null,
        housing_safe: record.housingSafe === null ? null : record.housingSafe ? 1 : 0,
        drinking_water_safe: record.drinkingWaterSafe === null ? null : record.drinkingWaterSafe ? 1 : 0,
        exit_year: record.exitYear,
        exit_way: record.exitWay,
        monitoring_category: record.monitoringCategory,
        risks: JSON.stringify(record.risks),
        risk_eliminated: record.riskEliminated ? 1 : 0,
        risk_elimination_way: null,
        risk_eliminated_on: null,
        cadre_user_id: null,
        head_name: head.name,
        head_id_number_masked: head.id_number_masked,
        member_count: 1,
        created_at: now,
        updated_at: now,
      });
      persons.push(head);
      if (households.length >= BATCH) await flush();
    },
    finish: flush,
  };
}

function personWriter(tx: Executor, ctx: ServiceContext): Writer {
  const now = new Date().toISOString();
  const counts = new Map<string, number>();
  let rows: { householdCode: string; record: PersonRecord }[] = [];
  const flush = async () => {
    const households = await findHouseholdsByCodesInScope(
      tx,
      writeScopeOf(ctx.actor),
      rows.map((r) => r.householdCode),
    );
    const persons = rows.map(({ householdCode, record }) => {
      const household = households.get(householdCode);
      if (!household) throw new Error(`Household ${householdCode} became unavailable during the import`);
      counts.set(household.id, (counts.get(household.id) ?? 0) + 1);
      return personRow(
        household.id,
        { ...record, migrantMonths: record.migrantMonths },
        sealIdNumber(record.idNumber),
        now,
      );
    });
    await insertPersons(tx, persons);
    rows = [];
  };
  return {
    async add(_row, record) {
      if ('head' in record) return;
      rows.push({ householdCode: record.householdCode, record });
      if (rows.length >= BATCH) await flush();
    },
    async finish() {
      await flush();
      await addMemberCounts(tx, counts);
    },
  };
}

/**
 * Imports a household or member file in two passes: check every row, then (unless the mode is "all or
 * nothing" and a row failed) write the good rows in one transaction, so that an import that fails or is
 * killed leaves the registry as it was. One audit event records the file's SHA-256 and the counts.
 */
export async function runImport(ctx: ServiceContext, options: ImportOptions): Promise<ImportReport> {
  const report = progressReporter(options.onProgress);
  const organization = await requireWritableOrganization(ctx, options.organizationId ?? ctx.actor.organizationId);
  report('counting', 0, 0);
  const total = await countSourceRows(options.file, options.format, COLUMNS_OF[options.kind]).catch(
    (error: unknown) => {
      throw error instanceof HeaderError ? importErrors.columnsMissing({ columns: error.missing.join('、') }) : error;
    },
  );
  const sha256 = sha256Of(options.file);
  const validated = await validate(ctx, options, organization, total, report);
  const base = {
    kind: options.kind,
    mode: options.mode,
    fileName: options.fileName,
    sha256,
    totalRows: total,
    validRows: validated.validRows,
    errorRows: validated.badRows.size,
    problems: validated.problems,
    problemCount: validated.problemCount,
  };
  if (validated.validRows === 0 || (options.mode === 'all' && validated.badRows.size > 0)) {
    report('done', total, total);
    return { ...base, committed: false, committedRows: 0 };
  }
  await withTransaction(ctx.db, async (tx) => {
    const writer = options.kind === 'households' ? householdWriter(tx, ctx, organization) : personWriter(tx, ctx);
    let written = 0;
    for await (const source of readSourceRows(options.file, options.format, COLUMNS_OF[options.kind])) {
      if (validated.badRows.has(source.row)) continue;
      const { record } = options.kind === 'households' ? readHouseholdRow(source) : readPersonRow(source);
      if (record) await writer.add(source.row, record);
      written += 1;
      report('writing', written, validated.validRows);
    }
    await writer.finish();
    await recordAudit(tx, {
      chainId: organization.id,
      action: `registry.import_${options.kind}`,
      entityType: 'import',
      entityId: sha256,
      changes: {
        file: { before: null, after: options.fileName },
        mode: { before: null, after: options.mode },
        rows: { before: null, after: total },
        committed: { before: null, after: validated.validRows },
        rejected: { before: null, after: validated.badRows.size },
      },
      actor: { id: ctx.actor.userId, username: ctx.actor.username },
      requestId: ctx.requestId,
    });
  });
  report('done', total, total);
  return { ...base, committed: true, committedRows: validated.validRows };
}
