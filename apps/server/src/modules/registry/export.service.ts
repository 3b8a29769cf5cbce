import type { PassThrough } from 'node:stream';
import {
  ASSISTANCE_WAY,
  formatFen,
  HOUSEHOLD_TYPE,
  MONITORING_CATEGORY,
  POVERTY_CAUSE_LABELS,
  regionPrefix,
  RISK_TYPE,
  VILLAGE_POVERTY_STATUS,
  ZHouseholdListQuery,
  ZVillageListQuery,
  type THouseholdListQuery,
  type TVillageListQuery,
} from '@tongxin/contracts';
import { scopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { streamWorkbook, type SheetColumn } from '../../platform/xlsx-stream.js';
import { idNumberLookupHash } from './identity.js';
import { streamHouseholds } from './household.repository.js';
import type { Names } from './mapping.js';
import { namesFor } from './names.js';
import type { HouseholdRow } from './tables.js';
import { streamVillages, type VillageWithCounts } from './village.repository.js';
import { villageConditions } from './village.service.js';

/** The names a page of rows shows beside its region codes and organization ids. */
const pageNames = (db: Executor, rows: readonly { region_code: string; organization_id: string }[]) =>
  namesFor(db, {
    regionCodes: rows.map((row) => row.region_code),
    organizationIds: rows.map((row) => row.organization_id),
  });

/** Exports are audited with their filters and row count: who took which list out of the system. */
const auditExport = (ctx: ServiceContext, action: string, filters: object, rows: number) =>
  recordAudit(ctx.db, {
    chainId: ctx.actor.organizationId,
    action,
    entityType: 'export',
    entityId: null,
    changes: { filters: { before: null, after: filters }, rows: { before: null, after: rows } },
    ...auditBy(ctx),
  });

const yesNo = (flag: number) => (flag === 1 ? '是' : '否');

const COLUMNS: SheetColumn<HouseholdRow, Names>[] = [
  { header: '户编号', width: 18, value: (r) => r.code ?? '' },
  { header: '村', width: 36, value: (r, n) => n.regions.get(r.region_code) ?? r.region_code },
  { header: '户主姓名', width: 10, value: (r) => r.head_name ?? '' },
  { header: '户主身份证号（脱敏）', width: 22, value: (r) => r.head_id_number_masked ?? '' },
  { header: '户类型', width: 12, value: (r) => HOUSEHOLD_TYPE.labels[r.type]['zh-CN'] },
  { header: '识别年度', width: 10, value: (r) => r.identified_year ?? '' },
  {
    header: '主要致贫原因',
    width: 14,
    value: (r) => (r.main_cause ? (POVERTY_CAUSE_LABELS[r.main_cause]?.['zh-CN'] ?? '') : ''),
  },
  {
    header: '人均纯收入（元）',
    width: 14,
    value: (r) => (r.income_per_capita === null ? '' : formatFen(r.income_per_capita)),
  },
  { header: '脱贫年度', width: 10, value: (r) => r.exit_year ?? '' },
  { header: '脱贫方式', width: 12, value: (r) => (r.exit_way ? ASSISTANCE_WAY.labels[r.exit_way]['zh-CN'] : '') },
  {
    header: '监测类型',
    width: 14,
    value: (r) => (r.monitoring_category ? MONITORING_CATEGORY.labels[r.monitoring_category]['zh-CN'] : ''),
  },
  {
    header: '风险类型',
    width: 24,
    value: (r) =>
      (JSON.parse(r.risks) as (keyof typeof RISK_TYPE.labels)[])
        .map((risk) => RISK_TYPE.labels[risk]['zh-CN'])
        .join('、'),
  },
  { header: '风险是否消除', width: 12, value: (r) => yesNo(r.risk_eliminated) },
  { header: '联系电话（脱敏）', width: 14, value: (r) => r.phone_masked ?? '' },
  { header: '家庭住址（脱敏）', width: 20, value: (r) => r.address_masked ?? '' },
  { header: '成员数', width: 8, value: (r) => r.member_count },
  { header: '负责单位', width: 28, value: (r, n) => n.organizations.get(r.organization_id) ?? '' },
  { header: '更新时间（UTC）', width: 22, value: (r) => r.updated_at },
];

/**
 * Streams every household the filters select as a workbook, page by page, so memory stays flat whatever
 * the count. ID numbers, phones and addresses are masked; the export itself is audited, for names are
 * personal data too.
 */
export function exportHouseholds(ctx: ServiceContext, input: THouseholdListQuery): PassThrough {
  const query = ZHouseholdListQuery.parse(input);
  const hash = query.idNumber ? idNumberLookupHash(query.idNumber) : undefined;
  const filter = {
    text: query.q,
    villageId: query.villageId,
    regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
    type: query.type,
    monitoringCategory: query.monitoringCategory,
    risk: query.risk,
    riskEliminated: query.riskEliminated === undefined ? undefined : query.riskEliminated === 'true',
    mainCause: query.mainCause,
    idNumberHash: hash ?? (query.idNumber ? 'no-such-hash' : undefined),
  };
  const stream = streamWorkbook({
    sheetName: '农户',
    columns: COLUMNS,
    pages: (async function* () {
      for await (const rows of streamHouseholds(ctx.db, scopeOf(ctx.actor), filter)) {
        yield { rows, context: await pageNames(ctx.db, rows) };
      }
    })(),
    onDone: (count) =>
      auditExport(
        ctx,
        'registry.export_households',
        { ...input, idNumber: input.idNumber ? '[masked]' : undefined },
        count,
      ),
  });
  return stream;
}

const VILLAGE_COLUMNS: SheetColumn<VillageWithCounts, Names>[] = [
  { header: '区划代码', width: 15, value: (r) => r.region_code },
  { header: '行政区划全称', width: 44, value: (r, n) => n.regions.get(r.region_code) ?? r.region_code },
  { header: '村名', width: 14, value: (r, n) => n.regions.get(r.region_code)?.split(' ').at(-1) ?? r.region_code },
  { header: '贫困村', width: 8, value: (r) => yesNo(r.is_poor_village) },
  { header: '老区村', width: 8, value: (r) => yesNo(r.is_old_base_village) },
  { header: '易地搬迁安置点', width: 14, value: (r) => yesNo(r.is_relocation_site) },
  { header: '贫困状态', width: 10, value: (r) => VILLAGE_POVERTY_STATUS.labels[r.poverty_status]['zh-CN'] },
  { header: '出列年度', width: 10, value: (r) => r.exit_year ?? '' },
  { header: '已建档农户', width: 10, value: (r) => r.registered_households },
  { header: '总户数', width: 8, value: (r) => r.household_count ?? '' },
  { header: '总人口', width: 8, value: (r) => r.population ?? '' },
  { header: '通硬化路', width: 10, value: (r) => yesNo(r.has_hardened_road) },
  { header: '通自来水', width: 10, value: (r) => yesNo(r.has_tap_water) },
  { header: '通生产生活用电', width: 14, value: (r) => yesNo(r.has_electricity) },
  { header: '通宽带', width: 8, value: (r) => yesNo(r.has_broadband) },
  {
    header: '村集体经济收入（元）',
    width: 18,
    value: (r) => (r.collective_income === null ? '' : formatFen(r.collective_income)),
  },
  { header: '驻村工作队', width: 36, value: (r) => r.work_team ?? '' },
  { header: '负责单位', width: 28, value: (r, n) => n.organizations.get(r.organization_id) ?? '' },
  { header: '更新时间（UTC）', width: 22, value: (r) => r.updated_at },
];

/**
 * Streams the villages the list's filters select (in the actor's scope) as a workbook, in region-code
 * order, with each village's registered households. Audited like the household export.
 */
export function exportVillages(ctx: ServiceContext, input: TVillageListQuery): PassThrough {
  const query = ZVillageListQuery.parse(input);
  return streamWorkbook({
    sheetName: '村',
    columns: VILLAGE_COLUMNS,
    pages: (async function* () {
      const conditions = await villageConditions(ctx.db, query);
      for await (const rows of streamVillages(ctx.db, scopeOf(ctx.actor), conditions)) {
        yield { rows, context: await pageNames(ctx.db, rows) };
      }
    })(),
    onDone: (count) => auditExport(ctx, 'registry.export_villages', input, count),
  });
}
