import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { REGION_LEVELS, regionLevelOfCode, type RegionLevel } from '@tongxin/contracts';
import { foldPinyin, pinyinKeys } from '../../platform/i18n/index.js';
import { regionErrors } from './errors.js';

/** The shipped data: apps/server/data/regions, the same distance from src/ and dist/. */
export const REGION_DATA_DIR = fileURLToPath(new URL('../../../data/regions/', import.meta.url));

export type RegionFileRow = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  pinyin: string;
  initials: string;
};

const HEADER = ['code', 'name', 'level', 'parent', 'pinyin', 'initials'];

/** The shipped file `base` or a province code such as `15`, or null when none ships. */
export function shippedRegionFile(name: string): string | null {
  const file = path.join(REGION_DATA_DIR, `${name}.tsv.gz`);
  return fs.existsSync(file) ? file : null;
}

/**
 * Reads a region file (TSV, optionally gzipped; see data/regions/README.md). Pinyin columns may be
 * left empty in a hand-made file: they are computed.
 */
export function readRegionFile(file: string): RegionFileRow[] {
  const raw = fs.readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  if (HEADER.slice(0, 4).some((column, i) => header[i] !== column)) {
    throw regionErrors.fileInvalid({ line: 1, problem: `header must be ${HEADER.join('\\t')}` });
  }
  const rows: RegionFileRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.trim()) continue;
    const [code = '', name = '', level = '', parent = '', pinyin = '', initials = ''] = line.split('\t');
    const problem = rowProblem(code, name, level);
    if (problem) throw regionErrors.fileInvalid({ line: i + 1, problem });
    const keys = pinyin && initials ? { pinyin: foldPinyin(pinyin), initials: foldPinyin(initials) } : pinyinKeys(name);
    rows.push({
      code,
      name: name.trim(),
      level: level as RegionLevel,
      parentCode: parent || null,
      ...keys,
    });
  }
  return rows;
}

function rowProblem(code: string, name: string, level: string): string | null {
  if (!REGION_LEVELS.includes(level as RegionLevel)) return `unknown level "${level}"`;
  const implied = regionLevelOfCode(code);
  if (!implied) return `code "${code}" is neither 6 nor 12 digits`;
  // Six-digit codes of county-level units directly under a province look like prefectures; trust the file.
  if ((code.length === 12) !== (level === 'township' || level === 'village')) {
    return `code "${code}" does not fit level ${level}`;
  }
  if (!name.trim()) return 'empty name';
  return null;
}
