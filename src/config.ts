import { z } from 'zod';

/** What each variable must hold, in the words a person reads when it is wrong. */
const RULES = {
  DATABASE_URL: {
    zh: '必须是以 postgres:// 或 postgresql:// 开头的连接地址；不设置则使用内置数据库 PGlite',
    en: 'must be a postgres:// or postgresql:// URL; leave it unset to use the embedded PGlite database',
  },
  EDUPLAN_DATA: {
    zh: '必须是内置数据库的数据目录（默认 ./data；测试可用 memory://）',
    en: 'must be the embedded database directory (default ./data; memory:// for tests)',
  },
  PORT: { zh: '必须是 1 到 65535 之间的整数（默认 3000）', en: 'must be an integer from 1 to 65535 (default 3000)' },
  NODE_ENV: {
    zh: '必须是 development、production 或 test（默认 development）',
    en: 'must be development, production or test (default development)',
  },
} as const;

/** An environment variable EduPlan reads. */
export type ConfigVariable = keyof typeof RULES;

// An empty variable (`PORT=` in a shell or an .env file) means "not set", as it does for most tools.
const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/)
      .refine((url) => URL.canParse(url))
      .optional(),
  ),
  EDUPLAN_DATA: z.preprocess(unsetIfEmpty, z.string().trim().min(1).default('./data')),
  PORT: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d{1,5}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(65535))
      .default(3000),
  ),
  NODE_ENV: z.preprocess(unsetIfEmpty, z.enum(['development', 'production', 'test']).default('development')),
});

/** EduPlan's settings from the environment, validated once at start. */
export interface Config {
  /** DATABASE_URL: a PostgreSQL server; undefined means the embedded PGlite in dataDir. */
  readonly databaseUrl: string | undefined;
  /** EDUPLAN_DATA: PGlite's directory, or memory:// for a database that lives only as long as the process. */
  readonly dataDir: string;
  /** PORT: where the HTTP server listens. */
  readonly port: number;
  /** NODE_ENV. */
  readonly nodeEnv: 'development' | 'production' | 'test';
}

/** The environment is wrong: names every bad variable and what it must hold, in Chinese and English. */
export class ConfigError extends Error {
  constructor(
    readonly variables: readonly ConfigVariable[],
    env: NodeJS.ProcessEnv,
  ) {
    super(
      [
        '环境变量有误，EduPlan 未启动 / invalid environment variables, EduPlan did not start:',
        ...variables.map((name) => `  ${name}${shown(name, env)}: ${RULES[name].zh} / ${RULES[name].en}`),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

// DATABASE_URL may carry a password, so its value is never repeated in a message or a log.
const shown = (name: ConfigVariable, env: NodeJS.ProcessEnv): string =>
  name === 'DATABASE_URL' ? '' : `=${JSON.stringify(env[name]?.slice(0, 80))}`;

/**
 * Reads and validates the environment into one frozen object; throws ConfigError naming each bad variable.
 * @example const config = loadConfig(); // once, in the entry point
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const names = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    throw new ConfigError(
      Object.keys(RULES).filter((name): name is ConfigVariable => names.has(name)),
      env,
    );
  }
  const { DATABASE_URL, EDUPLAN_DATA, PORT, NODE_ENV } = parsed.data;
  return Object.freeze({ databaseUrl: DATABASE_URL, dataDir: EDUPLAN_DATA, port: PORT, nodeEnv: NODE_ENV });
}
