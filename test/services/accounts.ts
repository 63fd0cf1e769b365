import { sql } from 'kysely';
import type { OpenDatabase } from '../../src/db/database.ts';
import { createAccountService } from '../../src/services/account.service.ts';
import type { AccountService } from '../../src/services/account.service.ts';
import type { NewUserInput, UserView } from '../../src/services/account.types.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import type { TestDialect } from '../db/dialects.ts';
import { testClock } from './clock.ts';
import type { TestClock } from './clock.ts';

/** An account service on a fresh database of one dialect, with a clock the test moves. */
export interface AccountFixture {
  database: OpenDatabase;
  service: AccountService;
  clock: TestClock;
  /** Creates an account as the installation itself and returns it with its password. */
  user(input: Partial<NewUserInput> & Pick<NewUserInput, 'username'>): Promise<{ user: UserView; password: string }>;
  /** The whole audit log as text, to search for what must never be in it. */
  auditText(): Promise<string>;
}

/** Opens the fixture; close it with `database.close()`. */
export async function openAccounts(dialect: TestDialect): Promise<AccountFixture> {
  const database = await dialect.open();
  const clock = testClock();
  const service = createAccountService(database.db, clock.now);
  return {
    database,
    service,
    clock,
    user: async (input) => {
      const password = input.password ?? `${input.username}-長い密碼-2026`;
      const created = await service.createUser(
        {
          displayName: input.username,
          role: 'county_reporter',
          regionCode: '140902',
          ...input,
          password,
        },
        SYSTEM_CONTEXT,
      );
      return { user: created.user, password };
    },
    auditText: async () => {
      const { rows } = await sql<{
        text: string;
      }>`select string_agg(cast(a as text), '\n') as text from audit_log a`.execute(database.db);
      return rows[0]?.text ?? '';
    },
  };
}

/** The code of the error a promise rejects with (undefined when it resolves). */
export async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}
