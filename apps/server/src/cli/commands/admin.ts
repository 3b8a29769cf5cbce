import { createUser, resetPassword, userIdByUsername } from '../../modules/accounts/index.js';
import { seedDemo } from '../../modules/demo/index.js';
import { verifyLedger } from '../../modules/funds/index.js';
import { findOrganizations } from '../../modules/organizations/index.js';
import { loadProvince } from '../../modules/regions/index.js';
import { verifyAuditChains } from '../../platform/audit/index.js';
import { systemContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/index.js';
import { ROLES, type TRole } from '@tongxin/contracts';
import { progressBar } from '../progress.js';

export type Output = { out: (line: string) => void };

export async function demo(db: Database, io: Output): Promise<void> {
  const report = await seedDemo(systemContext(db.executor), (step) => io.out(`  + ${step}`));
  io.out(report.created ? 'Demo data loaded.' : 'Demo data was already there; nothing added.');
  io.out(`Demo logins (password "${report.password}"): ${report.logins.map((l) => l.username).join(', ')}`);
}

export type UserCreateOptions = {
  username: string;
  displayName: string;
  role: string;
  organization: string;
  password: string | undefined;
};

/** `--organization` takes an organization id or its exact name or credit code. */
export async function userCreate(db: Database, options: UserCreateOptions, io: Output): Promise<void> {
  const role = ROLES.find((candidate) => candidate === options.role);
  if (!role) throw new Error(`Unknown role ${options.role}; choose one of: ${ROLES.join(', ')}`);
  const ctx = systemContext(db.executor);
  const matches = (await findOrganizations(ctx, { q: options.organization, pageSize: 5 })).items.filter(
    (org) =>
      org.id === options.organization || org.name === options.organization || org.creditCode === options.organization,
  );
  const organization = matches[0];
  if (!organization)
    throw new Error(`No organization matches "${options.organization}" (give its id, exact name or credit code)`);
  const result = await createUser(ctx, {
    username: options.username,
    displayName: options.displayName,
    role: role satisfies TRole,
    organizationId: organization.id,
    password: options.password,
  });
  io.out(`Created ${result.user.username} (${result.user.role}) in ${organization.name}.`);
  if (result.temporaryPassword)
    io.out(`Temporary password (must be changed at first sign-in): ${result.temporaryPassword}`);
}

export async function userResetPassword(db: Database, username: string, io: Output): Promise<void> {
  const id = await userIdByUsername(db.executor, username.toLowerCase());
  if (!id) throw new Error(`No user named ${username}`);
  const { temporaryPassword } = await resetPassword(systemContext(db.executor), id);
  io.out(`Temporary password for ${username} (must be changed at next sign-in): ${temporaryPassword}`);
}

/** Exit code 0 when every chain holds, 1 when any is broken. */
export async function auditVerify(db: Database, io: Output): Promise<number> {
  const bar = progressBar('Verifying audit chains');
  const report = await verifyAuditChains(db.executor, (done, total) => bar.update(done, total));
  bar.done(`${report.chains} chains, ${report.events} events checked`);
  if (report.breaks.length === 0) {
    io.out('OK: every audit chain is intact.');
    return 0;
  }
  for (const broken of report.breaks) {
    io.out(
      `BROKEN chain ${broken.chainId} at seq ${broken.seq}${broken.eventId ? ` (event ${broken.eventId})` : ''}: ${broken.problem}`,
    );
  }
  return 1;
}

export async function ledgerVerify(db: Database, io: Output): Promise<number> {
  const report = await verifyLedger(db.executor);
  if (report.problems.length === 0) {
    io.out(
      `OK: ${report.accounts} accounts; every entry balances, running totals equal the lines, nothing is overdrawn.`,
    );
    return 0;
  }
  for (const problem of report.problems) io.out(`PROBLEM ${problem}`);
  return 1;
}

export async function regionsLoad(db: Database, province: string, file: string | null, io: Output): Promise<void> {
  const bar = progressBar(`Loading regions ${province}`);
  const report = await loadProvince(systemContext(db.executor), province, file, (done, total) =>
    bar.update(done, total),
  );
  bar.done(`Loaded ${report.rows} regions from ${report.file}`);
  io.out(
    Object.entries(report.byLevel)
      .map(([level, count]) => `${level}: ${count}`)
      .join(', '),
  );
}
