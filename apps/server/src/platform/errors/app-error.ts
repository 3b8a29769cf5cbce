import { interpolate, type Lang, type Localized } from '@tongxin/contracts';

export type FieldProblem = { path: string; message: Localized };

export type ErrorDefinition = {
  /** Stable, upper snake case; clients branch on it. */
  code: string;
  status: number;
  /** What was wrong and what to do, with `{param}` placeholders. */
  message: Localized;
};

/** The one error type: a code with its HTTP status, the parameters of its message, and field problems. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly fields: readonly FieldProblem[];
  private readonly template: Localized;

  constructor(definition: ErrorDefinition, params: Record<string, unknown> = {}, fields: readonly FieldProblem[] = []) {
    super(interpolate(definition.message.en, paramsIn(params, 'en')));
    this.name = 'AppError';
    this.code = definition.code;
    this.status = definition.status;
    this.params = params;
    this.fields = fields;
    this.template = definition.message;
  }

  messageIn(lang: Lang): string {
    return interpolate(this.template[lang], paramsIn(this.params, lang));
  }
}

const definitions = new Map<string, ErrorDefinition>();

type ErrorFactory = ((params?: Record<string, unknown>, fields?: readonly FieldProblem[]) => AppError) & {
  /** The same error, also placed at one field of the request, for forms to show beside that field. */
  at(path: string, params?: Record<string, unknown>): AppError;
};

/**
 * Declares a module's errors. Codes are unique across the product, which this checks when the module loads.
 */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(
  table: T,
): { readonly [K in keyof T]: ErrorFactory } & { readonly definitions: T } {
  const factories: Record<string, ErrorFactory> = {};
  for (const [name, definition] of Object.entries(table)) {
    const existing = definitions.get(definition.code);
    if (existing && existing !== definition) throw new Error(`Error code ${definition.code} is defined twice`);
    definitions.set(definition.code, definition);
    const factory = (params?: Record<string, unknown>, fields?: readonly FieldProblem[]) =>
      new AppError(definition, params, fields);
    factories[name] = Object.assign(factory, {
      at: (path: string, params: Record<string, unknown> = {}) =>
        new AppError(definition, params, [fieldProblem(path, definition.message, params)]),
    });
  }
  return { ...factories, definitions: table } as { readonly [K in keyof T]: ErrorFactory } & {
    readonly definitions: T;
  };
}

export function allErrorDefinitions(): ErrorDefinition[] {
  return [...definitions.values()];
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Parameter values may themselves be localized (a level's name, say); each language takes its own. */
function paramsIn(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      value !== null && typeof value === 'object' && lang in value ? (value as Localized)[lang] : value,
    ]),
  );
}

/** A field problem with `{param}` placeholders filled in both languages. */
export function fieldProblem(path: string, message: Localized, params: Record<string, unknown> = {}): FieldProblem {
  return {
    path,
    message: {
      'zh-CN': interpolate(message['zh-CN'], paramsIn(params, 'zh-CN')),
      en: interpolate(message.en, paramsIn(params, 'en')),
    },
  };
}
