import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionRow, UserRow } from '../db/account.schema.ts';
import { auditRepository } from '../db/audit.repository.ts';
import type { AuditRepository } from '../db/audit.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { sessionRepository } from '../db/session.repository.ts';
import type { SessionRepository } from '../db/session.repository.ts';
import { userRepository } from '../db/user.repository.ts';
import type { UserRepository } from '../db/user.repository.ts';
import { can } from '../domain/access.ts';
import { accountErrors } from './account.errors.ts';
import { authorizeGrant, checkNewUser, checkRoleRegion, checkUserUpdate, grantableRoles } from './account.rules.ts';
import { presentManagedUser, presentUser } from './account.types.ts';
import type {
  CreatedUser,
  ManagedUser,
  NewUserInput,
  PasswordReset,
  PrintedAccount,
  SignedIn,
  UserGrants,
  UserListQuery,
  UserUpdate,
  UserView,
} from './account.types.ts';
import { recordAudit, SYSTEM_CONTEXT } from './audit.ts';
import type { ActingUser, AuditEvent, RequestContext } from './audit.ts';
import { ServiceError } from './errors.ts';
import { generatePassword, hashPassword, passwordProblem, verifyDecoy, verifyPassword } from './passwords.ts';
import { authorize } from './scope.ts';

const MINUTE = 60_000;
/** A session unused this long ends (OWASP: 2-5 h for low-risk applications; our users work in office sessions). */
export const SESSION_IDLE_MS = 120 * MINUTE;
/** A session ends this long after sign-in, however busy: one working day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;
/** Failed sign-ins on one username within LOCKOUT_WINDOW_MS that lock it. */
export const LOCKOUT_FAILURES = 5;
/** The lockout window, and so the longest a lockout lasts. */
export const LOCKOUT_WINDOW_MS = 15 * MINUTE;
// last_seen_at is written at most once a minute: every request would otherwise be a write on PGlite's one connection.
const TOUCH_INTERVAL_MS = MINUTE;
/** The first administrator's username. */
export const INITIAL_ADMIN_USERNAME = 'admin';

// 32 random bytes in base64url: 43 characters. Anything else is not a token and never reaches the database.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const minus = (at: Date, ms: number): Date => new Date(at.getTime() - ms);
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';

/** The demo accounts of the embedded sample database: one per role level, in 山西 and 忻州. */
export const DEMO_ACCOUNTS: readonly Omit<PrintedAccount, 'password'>[] = [
  { username: 'demo-province', displayName: '山西省教育厅（演示）', role: 'province_admin', regionCode: '140000' },
  { username: 'demo-city', displayName: '忻州市教育局（演示）', role: 'city_admin', regionCode: '140900' },
  { username: 'demo-county', displayName: '忻府区教育局（演示）', role: 'county_reporter', regionCode: '140902' },
  { username: 'demo-evaluator', displayName: '山西省督导评估员（演示）', role: 'evaluator', regionCode: '140000' },
];

/** The repositories the account service works with, each bound to the transaction the service opens. */
interface AccountRepositories {
  users: UserRepository;
  sessions: SessionRepository;
  audit: AuditRepository;
  regions: RegionRepository;
}

/** What the account service needs: the database, each repository as the function that binds it, and the clock. */
export interface AccountServiceDeps {
  db: Kysely<Database>;
  users: (db: Kysely<Database>) => UserRepository;
  sessions: (db: Kysely<Database>) => SessionRepository;
  audit: (db: Kysely<Database>) => AuditRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
  /** Injected so tests can move time. */
  now: () => Date;
}

/** The account service on a database, with the real clock unless one is given. */
export function createAccountService(db: Kysely<Database>, now: () => Date = () => new Date()): AccountService {
  return new AccountService({
    db,
    users: userRepository,
    sessions: sessionRepository,
    audit: auditRepository,
    regions: regionRepository,
    now,
  });
}

const userEvent = (action: string, user: UserRow, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  action,
  entity: 'user',
  entityId: String(user.id),
  regionCode: user.region_code,
  ...extra,
});

/** Accounts and sessions: creation with password rules, sign-in with lockout, expiry, sign-out. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /** Runs work in one transaction with every repository bound to it: it all commits, or none of it does. */
  private transaction<T>(work: (repositories: AccountRepositories) => Promise<T>): Promise<T> {
    const { db, users, sessions, audit, regions } = this.deps;
    return db
      .transaction()
      .execute((trx) => work({ users: users(trx), sessions: sessions(trx), audit: audit(trx), regions: regions(trx) }));
  }

  /** Creates an account if the actor manages users in its region and may grant its role; audited. */
  async createUser(input: NewUserInput, context: RequestContext): Promise<CreatedUser> {
    const checked = checkNewUser(input);
    const password = input.password ?? generatePassword();
    const passwordHash = await hashPassword(password); // before the transaction: it holds PGlite's one connection
    const now = this.deps.now();
    const create = this.transaction(async ({ users, regions, audit }) => {
      await checkRoleRegion(regions, checked.role, checked.regionCode);
      await authorizeGrant(regions, context.actor, checked.role, checked.regionCode);
      if ((await users.findByUsername(checked.username)) !== undefined) throw accountErrors.usernameTaken();
      const row = await users.insert({
        username: checked.username,
        display_name: checked.displayName,
        password_hash: passwordHash,
        role: checked.role,
        region_code: checked.regionCode,
        unit_name: checked.unitName,
        created_at: now,
        password_changed_at: now,
      });
      await recordAudit(audit, now, context, userEvent('user.create', row, { after: { ...presentUser(row) } }));
      return presentUser(row);
    });
    // Two creations of one username at once both pass the look-up; the unique index stops the second.
    const user = await create.catch((error: unknown) => {
      throw isUniqueViolation(error) ? accountErrors.usernameTaken() : error;
    });
    return input.password === undefined ? { user, generatedPassword: password } : { user };
  }

  /**
   * Signs in and returns a new session token (a new one every time; `previousToken`, the one the client still
   * holds, is revoked so a planted token never becomes a signed-in one). Wrong passwords and unknown usernames get
   * the same answer, and LOCKOUT_FAILURES failures in LOCKOUT_WINDOW_MS lock the username, existing or not.
   */
  async signIn(username: string, password: string, ip: string | null, previousToken?: string): Promise<SignedIn> {
    const key = username.trim().toLowerCase();
    const now = this.deps.now();
    const attempt = await this.transaction(async ({ sessions, users }) => {
      await sessions.lockUsername(key);
      const failures = await sessions.countFailuresSince(key, minus(now, LOCKOUT_WINDOW_MS));
      if (failures >= LOCKOUT_FAILURES) return null;
      // Counted as a failure until the password proves right, so parallel guesses cannot outrun the lockout.
      await sessions.insertFailure(key, now, ip);
      return { failures: failures + 1, user: await users.findByUsername(key) };
    });
    if (attempt === null) throw accountErrors.signInLocked(LOCKOUT_WINDOW_MS / MINUTE);
    const { user, failures } = attempt;
    const valid =
      user?.active === true ? await verifyPassword(user.password_hash, password) : await verifyDecoy(password);
    if (!valid || user === undefined) {
      await this.recordFailure(user, failures, now, ip);
      throw accountErrors.invalidCredentials();
    }
    return this.transaction(async ({ sessions, audit }) => {
      await sessions.clearFailures(key, minus(now, LOCKOUT_WINDOW_MS));
      if (previousToken !== undefined && TOKEN.test(previousToken)) {
        await sessions.revoke(hashToken(previousToken), now);
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
      await sessions.insert({
        id: hashToken(token),
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
      });
      const context = { actor: { id: user.id, role: user.role, regionCode: user.region_code }, ip };
      const event = userEvent('auth.sign_in', user, { after: { expiresAt: expiresAt.toISOString() } });
      await recordAudit(audit, now, context, event);
      return { token, user: presentUser(user), expiresAt };
    });
  }

  /** The failed attempt in the audit log, and the lockout when this failure starts one. */
  private async recordFailure(user: UserRow | undefined, failures: number, now: Date, ip: string | null) {
    // An unknown username is not written down: people type their password into the username field.
    const base = { entity: 'user', entityId: user === undefined ? '' : String(user.id) };
    const reason = user === undefined ? 'unknown_user' : user.active ? 'wrong_password' : 'inactive';
    await this.transaction(async ({ audit }) => {
      const context = { actor: 'anonymous', ip } as const;
      const regionCode = user?.region_code ?? null;
      await recordAudit(audit, now, context, { ...base, regionCode, action: 'auth.sign_in_failed', after: { reason } });
      if (failures === LOCKOUT_FAILURES) {
        await recordAudit(audit, now, context, { ...base, regionCode, action: 'auth.locked', after: { failures } });
      }
    });
  }

  /**
   * The user a session token belongs to, or null when the token is unknown, revoked, idle for SESSION_IDLE_MS, past
   * its absolute end, older than the user's last password change, or its user is deactivated.
   */
  async authenticate(token: string): Promise<UserView | null> {
    if (!TOKEN.test(token)) return null;
    const id = hashToken(token);
    const now = this.deps.now();
    return this.transaction(async ({ sessions }) => {
      const found = await sessions.findWithUser(id);
      if (found === undefined || !found.user.active || !isLive(found.session, found.user, now)) return null;
      // Touching last_seen_at is bookkeeping, not a change anyone makes: it is not audited.
      if (now.getTime() - found.session.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) await sessions.touch(id, now);
      return presentUser(found.user);
    });
  }

  /** Ends one session; true when it was open. Audited as its user's act. */
  async signOut(token: string, ip: string | null = null): Promise<boolean> {
    if (!TOKEN.test(token)) return false;
    const now = this.deps.now();
    return this.transaction(async ({ sessions, users, audit }) => {
      const userId = await sessions.revoke(hashToken(token), now);
      const user = userId === undefined ? undefined : await users.findById(userId);
      if (user === undefined) return false;
      const context = { actor: { id: user.id, role: user.role, regionCode: user.region_code }, ip };
      await recordAudit(audit, now, context, userEvent('auth.sign_out', user));
      return true;
    });
  }

  /** Ends every open session of a user: the user themself, or someone who manages users in its region. */
  async signOutEverywhere(userId: number, context: RequestContext): Promise<number> {
    const now = this.deps.now();
    return this.transaction(async ({ sessions, users, regions, audit }) => {
      const user = await users.findById(userId);
      if (user === undefined) throw accountErrors.userNotFound();
      const self = context.actor !== 'system' && context.actor.id === userId;
      if (!self) await authorize(regions, context.actor, 'user.manage', user.region_code);
      const revoked = await sessions.revokeAllOf(userId, now);
      await recordAudit(audit, now, context, userEvent('auth.sign_out_everywhere', user, { after: { revoked } }));
      return revoked;
    });
  }

  /**
   * The accounts a manager manages, filtered: their region and every region below it (or the region asked for, when
   * it is in their scope); the installation's administrator, who has no region, sees every account.
   */
  async listUsers(query: UserListQuery, manager: ActingUser): Promise<ManagedUser[]> {
    const region = query.region ?? manager.regionCode ?? undefined;
    return this.transaction(async ({ users, regions }) => {
      if (region !== undefined) await authorize(regions, manager, 'user.manage', region);
      else if (!can(manager, 'user.manage', 'none')) throw accountErrors.forbidden();
      const rows = await users.list({
        ...(region === undefined ? {} : { withinRegion: region }),
        ...(query.role === undefined ? {} : { role: query.role }),
        ...(query.active === undefined ? {} : { active: query.active }),
      });
      return rows.map(presentManagedUser);
    });
  }

  /** The roles a manager may grant and the region new accounts go under; FORBIDDEN for someone who manages nobody. */
  async userGrants(manager: ActingUser): Promise<UserGrants> {
    return this.transaction(async ({ regions }) => {
      const region = manager.regionCode === null ? undefined : await regions.findByCode(manager.regionCode);
      const roles = grantableRoles(manager, region?.level ?? null);
      if (roles.length === 0) throw accountErrors.forbidden();
      return {
        roles,
        scope: region === undefined ? null : { code: region.code, name: region.name, level: region.level },
      };
    });
  }

  /**
   * Changes an account's name, unit or state, for someone who may grant its role in its region; deactivating ends
   * its sessions at once, in the same transaction. Audited with the account before and after.
   */
  async updateUser(userId: number, update: UserUpdate, context: RequestContext): Promise<UserView> {
    const now = this.deps.now();
    return this.transaction(async ({ users, sessions, regions, audit }) => {
      const before = await users.findById(userId);
      if (before === undefined) throw accountErrors.userNotFound();
      await authorizeGrant(regions, context.actor, before.role, before.region_code);
      const after = await users.update(userId, checkUserUpdate(before, update, context.actor));
      if (after === undefined) throw accountErrors.userNotFound();
      const revokedSessions = after.active ? 0 : await sessions.revokeAllOf(userId, now);
      const action =
        before.active === after.active ? 'user.update' : after.active ? 'user.activate' : 'user.deactivate';
      const event = userEvent(action, after, {
        before: { ...presentUser(before) },
        after: { ...presentUser(after), revokedSessions },
      });
      await recordAudit(audit, now, context, event);
      return presentUser(after);
    });
  }

  /**
   * The account's own password change: the current password proves it is the person and not a borrowed session, the
   * new one follows the password rules, and every session ends (this one too), so whoever held one signs in again.
   */
  async changeOwnPassword(
    userId: number,
    currentPassword: string,
    newPassword: string,
    context: RequestContext,
  ): Promise<UserView> {
    const user = await this.transaction(({ users }) => users.findById(userId));
    if (user?.active !== true) throw accountErrors.userNotFound();
    if (!(await verifyPassword(user.password_hash, currentPassword))) throw accountErrors.currentPasswordWrong();
    if (newPassword === currentPassword) throw accountErrors.passwordUnchanged();
    const problem = passwordProblem(newPassword, user.username);
    if (problem !== null) {
      throw new ServiceError(problem.code, problem.kind, problem.messages, { field: 'newPassword' });
    }
    const passwordHash = await hashPassword(newPassword); // before the transaction: it holds PGlite's one connection
    const now = this.deps.now();
    return this.transaction(async ({ users, sessions, audit }) => {
      const after = await users.update(userId, { password_hash: passwordHash, password_changed_at: now });
      if (after === undefined) throw accountErrors.userNotFound();
      const revokedSessions = await sessions.revokeAllOf(userId, now);
      await recordAudit(audit, now, context, userEvent('user.change_password', after, { after: { revokedSessions } }));
      return presentUser(after);
    });
  }

  /** Gives an account a generated password, returned this once; its sessions end. For its managers. */
  async resetPassword(userId: number, context: RequestContext): Promise<PasswordReset> {
    const generatedPassword = generatePassword();
    const user = await this.setPassword(userId, generatedPassword, context);
    return { user, generatedPassword };
  }

  /** On an installation without users, creates the administrator and returns its one-time password; else null. */
  async ensureInitialAdmin(): Promise<PrintedAccount | null> {
    if (!(await this.transaction(({ users }) => users.isEmpty()))) return null;
    const account = {
      username: INITIAL_ADMIN_USERNAME,
      displayName: '系统管理员',
      role: 'system_admin',
      regionCode: null,
    } as const;
    const { generatedPassword } = await this.createUser(account, SYSTEM_CONTEXT);
    return { ...account, password: generatedPassword ?? '' };
  }

  /**
   * Creates the demo accounts, or gives existing ones a new password, and returns every one with its password to
   * print: each start shows passwords that work. For the embedded sample database only (the caller checks).
   */
  async ensureDemoAccounts(): Promise<PrintedAccount[]> {
    const printed: PrintedAccount[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const password = generatePassword();
      const existing = await this.transaction(({ users }) => users.findByUsername(account.username));
      if (existing === undefined) await this.createUser({ ...account, password }, SYSTEM_CONTEXT);
      else await this.setPassword(existing.id, password, SYSTEM_CONTEXT);
      printed.push({ ...account, password });
    }
    return printed;
  }

  /** Sets a new password and ends the account's sessions, for someone who may grant its role in its region. */
  private async setPassword(userId: number, password: string, context: RequestContext): Promise<UserView> {
    const passwordHash = await hashPassword(password); // before the transaction: it holds PGlite's one connection
    const now = this.deps.now();
    return this.transaction(async ({ users, sessions, regions, audit }) => {
      const before = await users.findById(userId);
      if (before === undefined) throw accountErrors.userNotFound();
      await authorizeGrant(regions, context.actor, before.role, before.region_code);
      const after = await users.update(userId, { password_hash: passwordHash, password_changed_at: now });
      if (after === undefined) throw accountErrors.userNotFound();
      // A session opened in the same millisecond would outlive password_changed_at alone: revoke them all too.
      const revokedSessions = await sessions.revokeAllOf(userId, now);
      const event = userEvent('user.reset_password', after, {
        before: { ...presentUser(before) },
        after: { ...presentUser(after), revokedSessions },
      });
      await recordAudit(audit, now, context, event);
      return presentUser(after);
    });
  }
}

/** Whether a session is open at `now`: not revoked, not idle too long, before its end, after the password changed. */
function isLive(session: SessionRow, user: UserRow, now: Date): boolean {
  const at = now.getTime();
  return (
    session.revoked_at === null &&
    at < session.expires_at.getTime() &&
    at - session.last_seen_at.getTime() < SESSION_IDLE_MS &&
    session.created_at.getTime() >= user.password_changed_at.getTime()
  );
}
