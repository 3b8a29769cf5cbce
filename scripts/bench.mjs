#!/usr/bin/env node
// `npm run bench [-- --quick]`: runs every bench/*.bench.ts; each prints its own same-run baseline and ratio.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
let failed = false;
for (const file of fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  process.stdout.write(`\n━━ ${file}\n`);
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.join('bench', file), ...args],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
