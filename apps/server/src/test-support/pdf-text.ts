import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';

// PDFs are read back with poppler's pdftotext (Debian poppler-utils, which .ci/run installs). Without it
// the text checks are skipped with the reason printed; CI has to have it, so there they fail instead.
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const isCi = process.env.CI === 'true';
const MISSING = 'pdftotext is not installed (Debian poppler-utils: apt-get install -y poppler-utils)';
if (!hasPdftotext && !isCi) console.warn(`skipping PDF text checks: ${MISSING}`);

let dir: string | null = null;

/** The text of a PDF as pdftotext reads it; skips the test (fails it under CI=true) without pdftotext. */
export function pdfText(ctx: TestContext, pdf: Buffer, name = 'document'): string {
  if (!hasPdftotext) {
    if (isCi) throw new Error(`CI=true needs the text checks: ${MISSING}`);
    ctx.skip(MISSING);
  }
  dir ??= mkdtempSync(join(tmpdir(), 'tongxin-pdf-'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
