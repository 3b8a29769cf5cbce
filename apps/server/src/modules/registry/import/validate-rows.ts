import {
  VALIDATION_MESSAGES,
  type Localized,
  type TAssistanceWay,
  type TEducation,
  type TGender,
  type THealth,
  type THouseholdType,
  type TLabourAbility,
  type TMonitoringCategory,
  type TRelation,
  type TRiskType,
  type TSchoolStatus,
} from '@tongxin/contracts';
import { householdProblems } from '../household-rules.js';
import { checkPersonIdNumber } from '../identity.js';
import { COLUMNS_OF, type ImportKind } from './columns.js';
import { readers, readInteger, readYear, readYesNo, readYuan, required, type Cell } from './parse-cells.js';
import type { SourceRow } from './read-rows.js';

export type CellIssue = { key: string; message: Localized };

export type HouseholdRecord = {
  code: string | null;
  villageCode: string;
  head: { name: string; idNumber: string; gender: TGender };
  type: THouseholdType;
  identifiedYear: number | null;
  mainCause: number | null;
  otherCauses: number[];
  incomePerCapita: number | null;
  housingSafe: boolean | null;
  drinkingWaterSafe: boolean | null;
  exitYear: number | null;
  exitWay: TAssistanceWay | null;
  monitoringCategory: TMonitoringCategory | null;
  risks: TRiskType[];
  riskEliminated: boolean;
  phone: string | null;
  address: string | null;
};

export type PersonRecord = {
  householdCode: string;
  relation: TRelation;
  name: string;
  idNumber: string;
  gender: TGender;
  education: TEducation | null;
  schoolStatus: TSchoolStatus | null;
  health: THealth | null;
  labourAbility: TLabourAbility | null;
  migrantMonths: number | null;
  hasMedicalInsurance: boolean;
  hasPensionInsurance: boolean;
};

/** Reads cells one by one, collecting every problem of the row instead of stopping at the first. */
class RowReader {
  readonly issues: CellIssue[] = [];
  constructor(
    private readonly source: SourceRow,
    private readonly today: string,
  ) {}

  text(key: string, isRequired: boolean, max = 200): string | null {
    const value = this.source.cells[key]?.trim() ?? '';
    if (!value) {
      if (isRequired) this.issues.push({ key, message: required() });
      return null;
    }
    if (value.length > max) {
      this.issues.push({ key, message: { 'zh-CN': `不能超过 ${max} 个字`, en: `At most ${max} characters` } });
      return null;
    }
    return value;
  }

  cell<T>(key: string, isRequired: boolean, read: (text: string) => Cell<T>): T | null {
    const text = this.text(key, isRequired);
    if (text === null) return null;
    const cell = read(text);
    if (cell.ok) return cell.value;
    this.issues.push({ key, message: cell.message });
    return null;
  }

  idNumber(key: string, gender: TGender | null): string | null {
    if (this.source.lossyNumbers.has(key)) {
      this.issues.push({
        key,
        message: {
          'zh-CN': '身份证号被表格存成了数字，末尾几位已丢失；请把该列设为“文本”格式后重新填写',
          en: 'The spreadsheet stored the ID number as a number and lost its last digits; format the column as text and enter it again',
        },
      });
      return null;
    }
    const text = this.text(key, true, 40);
    if (text === null) return null;
    const check = checkPersonIdNumber(text, gender, this.today);
    if (check.ok) return check.normalized;
    this.issues.push({ key, message: VALIDATION_MESSAGES[`idNumber.${check.problem}`] });
    return null;
  }
}

/** The values of one household row, or the problems of its cells. */
export function readHouseholdRow(
  source: SourceRow,
  today: string,
): { record: HouseholdRecord | null; issues: CellIssue[] } {
  const r = new RowReader(source, today);
  const villageCode = r.cell('villageCode', true, (text) =>
    /^\d{12}$/.test(text)
      ? { ok: true, value: text }
      : { ok: false, message: VALIDATION_MESSAGES['regionCode.format'] },
  );
  const gender = r.cell('headGender', true, (text) => readers.gender.one(text));
  const mainCause = r.cell('mainCause', false, (text) => readers.cause.one(text));
  const record: HouseholdRecord = {
    code: r.text('code', false, 40),
    villageCode: villageCode ?? '',
    head: {
      name: r.text('headName', true, 40) ?? '',
      idNumber: r.idNumber('headIdNumber', gender) ?? '',
      gender: gender ?? 'male',
    },
    type: r.cell('type', true, (text) => readers.householdType.one(text)) ?? 'registered',
    identifiedYear: r.cell('identifiedYear', false, readYear),
    mainCause: mainCause === null ? null : Number(mainCause),
    otherCauses: (r.cell('otherCauses', false, (text) => readers.cause.many(text, 2)) ?? []).map(Number),
    incomePerCapita: r.cell('incomePerCapita', false, readYuan),
    housingSafe: r.cell('housingSafe', false, readYesNo),
    drinkingWaterSafe: r.cell('drinkingWaterSafe', false, readYesNo),
    exitYear: r.cell('exitYear', false, readYear),
    exitWay: r.cell('exitWay', false, (text) => readers.assistanceWay.one(text)),
    monitoringCategory: r.cell('monitoringCategory', false, (text) => readers.monitoringCategory.one(text)),
    risks: r.cell('risks', false, (text) => readers.risk.many(text, 5)) ?? [],
    riskEliminated: r.cell('riskEliminated', false, readYesNo) ?? false,
    phone: r.text('phone', false, 30),
    address: r.text('address', false, 200),
  };
  if (r.issues.length > 0) return { record: null, issues: r.issues };
  // Rules across cells, reported at the column a person would correct. An import may mark a risk as
  // eliminated without way and date; the household card asks for them later.
  const crossProblems = householdProblems({
    ...record,
    riskEliminated: false,
    riskEliminationWay: null,
    riskEliminatedOn: null,
  });
  const columnOf: Record<string, string> = { riskEliminatedOn: 'riskEliminated' };
  const issues = crossProblems.map((problem) => ({
    key: columnOf[problem.path] ?? problem.path,
    message: problem.message,
  }));
  return issues.length > 0 ? { record: null, issues } : { record, issues: [] };
}

export function readPersonRow(source: SourceRow, today: string): { record: PersonRecord | null; issues: CellIssue[] } {
  const r = new RowReader(source, today);
  const gender = r.cell('gender', true, (text) => readers.gender.one(text));
  const record: PersonRecord = {
    householdCode: r.text('householdCode', true, 40) ?? '',
    relation: r.cell('relation', true, (text) => readers.relation.one(text)) ?? 'other',
    name: r.text('name', true, 40) ?? '',
    idNumber: r.idNumber('idNumber', gender) ?? '',
    gender: gender ?? 'male',
    education: r.cell('education', false, (text) => readers.education.one(text)),
    schoolStatus: r.cell('schoolStatus', false, (text) => readers.schoolStatus.one(text)),
    health: r.cell('health', false, (text) => readers.health.one(text)),
    labourAbility: r.cell('labourAbility', false, (text) => readers.labourAbility.one(text)),
    migrantMonths: r.cell('migrantMonths', false, (text) => readInteger(text, 0, 12)),
    hasMedicalInsurance: r.cell('hasMedicalInsurance', false, readYesNo) ?? false,
    hasPensionInsurance: r.cell('hasPensionInsurance', false, readYesNo) ?? false,
  };
  return r.issues.length > 0 ? { record: null, issues: r.issues } : { record, issues: [] };
}

/** The header a person sees for a column key. */
export function headerOf(kind: ImportKind, key: string): string {
  return COLUMNS_OF[kind].find((column) => column.key === key)?.header ?? key;
}
