import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const probes: string[] = [];

/** Lints a throwaway file at a path inside the server, the way `npm run lint` would. */
async function restrictedImportsIn(relativePath: string, source: string): Promise<string[]> {
  const file = path.join(ROOT, relativePath);
  fs.writeFileSync(file, source);
  probes.push(file);
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

afterAll(() => {
  for (const file of probes) fs.rmSync(file, { force: true });
});

const usesKysely = "import { sql } from 'kysely';\nexport const probe = sql`select 1`;\n";

describe('architecture rules (enforced by lint)', () => {
  it('refuses Kysely in a service or route', async () => {
    const messages = await restrictedImportsIn('apps/server/src/modules/organizations/probe-service.ts', usesKysely);
    expect(messages.join('\n')).toContain('SQL lives in repositories');
  });

  it('allows Kysely in repositories and platform/db', async () => {
    expect(await restrictedImportsIn('apps/server/src/modules/organizations/probe.repository.ts', usesKysely)).toEqual(
      [],
    );
    expect(await restrictedImportsIn('apps/server/src/platform/db/probe.ts', usesKysely)).toEqual([]);
  });

  it('refuses a module reaching into another module past its index', async () => {
    const source = "import { findRegion } from '../regions/repository.js';\nexport const probe = findRegion;\n";
    const messages = await restrictedImportsIn('apps/server/src/modules/organizations/probe-cross.ts', source);
    expect(messages.join('\n')).toContain('only through their index.ts');
  });

  it('refuses the platform importing a module', async () => {
    const source =
      "import { regionsModule } from '../../modules/regions/index.js';\nexport const probe = regionsModule;\n";
    const messages = await restrictedImportsIn('apps/server/src/platform/http/probe-platform.ts', source);
    expect(messages.join('\n')).toContain('uses no module');
  });
});
