/**
 * The server's generators of registry files (apps/server/src/test-support), for the import test. They are
 * loaded when the test runs (vitest compiles them like the test itself): a static import would make this
 * project's type check walk the whole server, whose Fastify plugins declare types this project does not load.
 */
export type HouseholdRow = Record<string, string>;
export type PlantedTriple = { row: number; column: string; reason: string };

export type RegistryFiles = {
  /** `rows` household rows over the given village codes, numbered `codePrefix` + 000001…. */
  householdRows: (options: { rows: number; villages: readonly string[]; codePrefix: string }) => HouseholdRow[];
  /** Plants 20 mistakes of 10 kinds and returns the (row, column, reason) an import must report. */
  plantHouseholdErrors: (rows: HouseholdRow[]) => PlantedTriple[];
  writeHouseholdWorkbook: (file: string, rows: readonly HouseholdRow[]) => Promise<void>;
  /** A well-formed ID number, different at every call of this process. */
  makeIdNumber: (options?: { birthDate?: string; gender?: 'male' | 'female'; region?: string }) => string;
};

const SUPPORT = new URL('../../../apps/server/src/test-support/', import.meta.url);

export async function loadRegistryFiles(): Promise<RegistryFiles> {
  const files = (await import(new URL('registry-files.ts', SUPPORT).href)) as Omit<RegistryFiles, 'makeIdNumber'>;
  const factories = (await import(new URL('registry-factories.ts', SUPPORT).href)) as Pick<
    RegistryFiles,
    'makeIdNumber'
  >;
  return {
    householdRows: files.householdRows,
    plantHouseholdErrors: files.plantHouseholdErrors,
    writeHouseholdWorkbook: files.writeHouseholdWorkbook,
    makeIdNumber: factories.makeIdNumber,
  };
}
