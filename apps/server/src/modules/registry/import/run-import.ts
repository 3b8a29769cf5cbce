import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Localized } from '@tongxin/contracts';
import { writeScopeOf } from '../../../platform/access/index.js';
import { auditBy, recordAudit } from '../../../platform/audit/index.js';
import type { ServiceContext } from '../../../platform/context.js';
import { keyring } from '../../../platform/crypto/index.js';
import { withTransaction, type Executor } from '../../../platform/db/index.js';
import { createDecryptedReadStream } from '../../../platform/files/index.js';
import { newId } from '../../../platform/ids.js';
import { beijingDate } from '../../../platform/time.js';
import { requireWritableOrganization } from '../../organizations/index.js';
import { householdVersion, VERSIONED_FIELDS } from '../household.service.js';
import {
  findHouseholdIdsByCodes,
  findHouseholdsByCodesInScope,
  insertHouseholds,
  insertHouseholdVersions,
  recountMembers,
} from '../household.repository.js';
import { recordNewHouseholds } from '../figures.js';
import { householdRow } from '../household-row.js';
import { sealIdNumber } from '../identity.js';
import { findExistingHashes, insertPersons } from '../person.repository.js';
import { personRow } from '../person.service.js';
import type { HouseholdRow, PersonRow } from '../tables.js';
import { villageForImport, type ImportVillage } from '../village.service.js';
import { COLUMNS_OF, type ImportKind } from './columns.js';
import { importErrors } from './errors.js';
import { countSourceRows, HeaderError, readSourceRows, type FileFormat, type ReadTracker } from './read-rows.js';
import { headerOf, readHouseholdRow, readPersonRow, type HouseholdRecord, type PersonRecord } from './validate-rows.js';

export type ImportMode = 'all' | 'valid';
export type ImportPhase = 'counting' | 'importing' | 'done';
export type ImportProgress = { phase: ImportPhase; percent: number };

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
/** Rows checked against the registry and written together. */
const BATCH = 1000;

/** Of the file as uploaded, not of its encrypted form on disk. */
async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createDecryptedReadStream(file), hash);
  return hash.digest('hex');
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

class ProblemList {
  problems: RowProblem[] = [];
  count = 0;
  badRows = new Set<number>();
  constructor(private readonly kind: ImportKind) {}
  add(row: number, key: string, message: Localized) {
    this.count += 1;
    this.badRows.add(row);
    if (this.problems.length < PROBLEM_LIMIT) this.problems.push({ row, column: headerOf(this.kind, key), message });
  }
}

/** A row that passed the checks of its own cells, waiting for the checks against the registry. */
type Candidate = { row: number; record: HouseholdRecord | PersonRecord; hash: string; village: ImportVillage | null };

type Writer = { add(candidate: Candidate): void; flush(): Promise<void>; finish(): Promise<void> };

type Organization = { id: string; name: string; region_code: string | null; level: string };

function householdWriter(tx: Executor, recordedBy: string, cadreUserId: string | null): Writer {
  const now = new Date().toISOString();
  const today = beijingDate();
  let households: HouseholdRow[] = [];
  let persons: PersonRow[] = [];
  const flush = async () => {
    await insertHouseholds(tx, households);
    await insertPersons(tx, persons);
    // Households are on record from their year of identification, or from today when it is not given.
    const since = households.map((row) => ({
      row,
      since: row.identified_year ? `${row.identified_year}-01-01` : today,
    }));
    await insertHouseholdVersions(
      tx,
      since.map(({ row, since: from }) => householdVersion(row, from, VERSIONED_FIELDS, recordedBy, now)),
    );
    await recordNewHouseholds(tx, since);
    households = [];
    persons = [];
  };
  return {
    add({ record, hash, village }) {
      if (!('head' in record) || !village || Array.isArray(village)) return;
      const id = newId();
      const head = personRow(
        id,
        { ...record.head, relation: 'head', hasMedicalInsurance: false, hasPensionInsurance: false },
        sealIdNumber(record.head.idNumber, hash),
        now,
      );
      households.push(
        householdRow({
          id,
          code: record.code,
          village: { id: village.id, region_code: record.villageCode, organization_id: village.organizationId },
          head,
          address: record.address,
          phone: record.phone,
          type: record.type,
          identifiedYear: record.identifiedYear,
          identificationScore: null,
          mainCause: record.mainCause,
          otherCauses: record.otherCauses,
          incomePerCapita: record.incomePerCapita,
          wageIncome: null,
          productionIncome: null,
          transferIncome: null,
          propertyIncome: null,
          housingSafe: record.housingSafe,
          drinkingWaterSafe: record.drinkingWaterSafe,
          exitYear: record.exitYear,
          exitWay: record.exitWay,
          monitoringCategory: record.monitoringCategory,
          risks: record.risks,
          riskEliminated: record.riskEliminated,
          riskEliminationWay: null,
          riskEliminatedOn: null,
          cadreUserId,
          now,
        }),
      );
      persons.push(head);
    },
    flush,
    finish: flush,
  };
}

function personWriter(tx: Executor, households: ReadonlyMap<string, { id: string }>): Writer {
  const now = new Date().toISOString();
  const touched = new Set<string>();
  let persons: PersonRow[] = [];
  const flush = async () => {
    await insertPersons(tx, persons);
    persons = [];
  };
  return {
    add({ record, hash }) {
      if ('head' in record) return;
      const household = households.get(record.householdCode);
      if (!household) return;
      touched.add(household.id);
      persons.push(personRow(household.id, record, sealIdNumber(record.idNumber, hash), now));
    },
    flush,
    async finish() {
      await flush();
      await recountMembers(tx, touched);
    },
  };
}

/** Thrown inside the transaction to undo it when the mode is "all or nothing" and a row failed. */
class UndoImport extends Error {}

/**
 * Imports a household or member file in one pass, in one transaction: every row is checked (its cells,
 * repeats within the file, and against the registry a thousand rows at a time) and the rows that pass are
 * written as the pass goes. In "all or nothing" mode the first problem stops the writing, the checking goes
 * on so that the report is complete, and the transaction is rolled back; a killed import leaves nothing
 * behind either. One audit event records the file's SHA-256 and the counts.
 */
export async function runImport(ctx: ServiceContext, options: ImportOptions): Promise<ImportReport> {
  const onProgress = options.onProgress ?? (() => undefined);
  const organization: Organization = await requireWritableOrganization(
    ctx,
    options.organizationId ?? ctx.actor.organizationId,
  );
  const columns = COLUMNS_OF[options.kind];
  const readHeaders = <T>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      throw error instanceof HeaderError ? importErrors.columnsMissing({ columns: error.missing.join('、') }) : error;
    });
  // A CSV reports progress by bytes read; a workbook's rows are counted first.
  onProgress({ phase: 'counting', percent: 0 });
  const rowCount =
    options.format === 'xlsx' ? await readHeaders(countSourceRows(options.file, options.format, columns)) : null;
  const size = fs.statSync(options.file).size;
  const tracker: ReadTracker = { bytesRead: 0 };
  const sha256 = await sha256Of(options.file);

  const list = new ProblemList(options.kind);
  const today = beijingDate();
  const seenIds = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  const villages = new Map<string, ImportVillage>();
  const households = new Map<string, { id: string; organization_id: string }>();
  const unknownCodes = new Set<string>();
  const ring = keyring();
  let total = 0;
  let written = 0;
  let lastPercent = -1;

  const run = async (tx: Executor) => {
    const txCtx = { ...ctx, db: tx };
    const writer =
      options.kind === 'households'
        ? householdWriter(tx, ctx.actor.username, ctx.actor.role === 'cadre' ? ctx.actor.userId : null)
        : personWriter(tx, households);
    let batch: Candidate[] = [];
    const stopped = () => options.mode === 'all' && list.count > 0;

    const flush = async () => {
      const existing = await findExistingHashes(
        tx,
        batch.map((c) => c.hash),
      );
      const codes = batch.flatMap((c) => ('head' in c.record && c.record.code ? [c.record.code] : []));
      const takenCodes = await findHouseholdIdsByCodes(tx, codes);
      // Members of one household come many times; each code is looked up once per import.
      const wanted = new Set<string>();
      for (const c of batch) {
        if (
          'householdCode' in c.record &&
          !households.has(c.record.householdCode) &&
          !unknownCodes.has(c.record.householdCode)
        ) {
          wanted.add(c.record.householdCode);
        }
      }
      const found = await findHouseholdsByCodesInScope(tx, writeScopeOf(ctx.actor), [...wanted]);
      for (const code of wanted) {
        const household = found.get(code);
        if (household) households.set(code, household);
        else unknownCodes.add(code);
      }
      for (const candidate of batch) {
        const { record, row } = candidate;
        const idKey = 'head' in record ? 'headIdNumber' : 'idNumber';
        let ok = true;
        if (existing.has(candidate.hash)) {
          list.add(row, idKey, DUPLICATE_IN_REGISTRY);
          ok = false;
        }
        if ('head' in record && record.code && takenCodes.has(record.code)) {
          list.add(row, 'code', CODE_IN_REGISTRY);
          ok = false;
        }
        if ('householdCode' in record && !households.has(record.householdCode)) {
          list.add(row, 'householdCode', HOUSEHOLD_UNKNOWN);
          ok = false;
        }
        if (ok && !stopped()) {
          writer.add(candidate);
          written += 1;
        }
      }
      if (!stopped()) await writer.flush();
      batch = [];
    };

    for await (const source of readSourceRows(options.file, options.format, columns, tracker)) {
      total += 1;
      const { record, issues } =
        options.kind === 'households' ? readHouseholdRow(source, today) : readPersonRow(source, today);
      for (const issue of issues) list.add(source.row, issue.key, issue.message);
      if (record) {
        const idNumber = 'head' in record ? record.head.idNumber : record.idNumber;
        const first = seenIds.get(idNumber);
        let clean = true;
        if (first !== undefined) {
          list.add(source.row, 'head' in record ? 'headIdNumber' : 'idNumber', DUPLICATE_IN_FILE(first));
          clean = false;
        } else seenIds.set(idNumber, source.row);
        let village: ImportVillage | null = null;
        if ('head' in record) {
          if (record.code) {
            const firstCode = seenCodes.get(record.code);
            if (firstCode !== undefined) {
              list.add(source.row, 'code', DUPLICATE_IN_FILE(firstCode));
              clean = false;
            } else seenCodes.set(record.code, source.row);
          }
          village = await villageForImport(txCtx, record.villageCode, organization, villages, 'villageCode', true);
          if (Array.isArray(village)) {
            for (const problem of village) list.add(source.row, 'villageCode', problem.message);
            clean = false;
          }
        }
        if (clean) batch.push({ row: source.row, record, hash: ring.lookupHash(idNumber), village });
        if (batch.length >= BATCH) await flush();
      }
      const share = rowCount ? total / rowCount : tracker.bytesRead / Math.max(1, size);
      const percent = Math.min(99, Math.floor(share * 100));
      if (percent !== lastPercent) {
        lastPercent = percent;
        onProgress({ phase: 'importing', percent });
      }
    }
    await flush();
    if (stopped() || written === 0) throw new UndoImport();
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
        committed: { before: null, after: written },
        rejected: { before: null, after: list.badRows.size },
      },
      ...auditBy(ctx),
    });
  };

  let committed = true;
  try {
    await readHeaders(withTransaction(ctx.db, run));
  } catch (error) {
    if (!(error instanceof UndoImport)) throw error;
    committed = false;
  }
  onProgress({ phase: 'done', percent: 100 });
  return {
    kind: options.kind,
    mode: options.mode,
    fileName: options.fileName,
    sha256,
    totalRows: total,
    validRows: total - list.badRows.size,
    errorRows: list.badRows.size,
    committedRows: committed ? written : 0,
    committed,
    problems: list.problems,
    problemCount: list.count,
  };
}
