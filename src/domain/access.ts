/**
 * The permission matrix: role × action × region relation -> allow or deny, in one place (issue 7). Pure: services
 * compute the relation from the region tree and ask `can` before every read of unpublished data and every write.
 */

/** The roles an account can hold (DESIGN.md "Who uses it", plus the installation's own administrator). */
export const ACCOUNT_ROLES = [
  'province_admin',
  'city_admin',
  'county_reporter',
  'responsible_unit',
  'evaluator',
  'system_admin',
] as const;

/** A role an account holds. */
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Every role the matrix answers for: the account roles and the public, who has no account. */
export const ROLES = [...ACCOUNT_ROLES, 'public'] as const;

/** A role in the matrix. */
export type Role = (typeof ROLES)[number];

/** What someone may try to do. */
export const ACTIONS = [
  'plan.read_published',
  'plan.read_draft',
  'plan.import',
  'plan.review',
  'plan.publish',
  'catalogue.edit',
  'user.manage',
  'data.read',
  'data.enter',
  'data.approve',
  'data.publish',
  'task.update',
  'evaluation.comment',
  'audit.read',
  'feedback.moderate',
] as const;

/** An action the matrix rules on. */
export type Action = (typeof ACTIONS)[number];

/**
 * Where the target sits relative to the user's region: 'own' the same region, 'child' any region below it, 'parent'
 * any region above it, 'other' elsewhere, 'none' when there is no relation to speak of: the user has no region (the
 * public, the installation's administrator) or the target belongs to no region (the shared indicator catalogue).
 */
export const RELATIONS = ['own', 'child', 'parent', 'other', 'none'] as const;

/** A region relation. */
export type RegionRelation = (typeof RELATIONS)[number];

/** The part of a user the matrix looks at; null is the public. */
export interface AccessUser {
  readonly role: AccountRole;
  readonly regionCode: string | null;
}

type Grants = Readonly<Record<Action, readonly RegionRelation[]>>;

const ANYWHERE: readonly RegionRelation[] = RELATIONS;
const IN_SCOPE: readonly RegionRelation[] = ['own', 'child'];
const OWN: readonly RegionRelation[] = ['own'];
const CHILD: readonly RegionRelation[] = ['child'];
const NOWHERE: readonly RegionRelation[] = [];

/** Every action denied everywhere except reading published plans, which are public documents. */
const PUBLIC_ONLY: Grants = {
  'plan.read_published': ANYWHERE,
  'plan.read_draft': NOWHERE,
  'plan.import': NOWHERE,
  'plan.review': NOWHERE,
  'plan.publish': NOWHERE,
  'catalogue.edit': NOWHERE,
  'user.manage': NOWHERE,
  'data.read': NOWHERE,
  'data.enter': NOWHERE,
  'data.approve': NOWHERE,
  'data.publish': NOWHERE,
  'task.update': NOWHERE,
  'evaluation.comment': NOWHERE,
  'audit.read': NOWHERE,
  'feedback.moderate': NOWHERE,
};

/**
 * For each role and action, the relations where it is allowed; any other relation is denied. Typed as a full
 * Record, so a new role or action does not compile until every cell has an answer.
 */
export const PERMISSIONS: Readonly<Record<Role, Grants>> = {
  // 省教育厅: everything in its province. The catalogue is shared by all regions ('none'), and DESIGN.md gives it
  // to the province. Approving its own data is allowed because no one sits above a province in EduPlan.
  province_admin: {
    ...PUBLIC_ONLY,
    'plan.read_draft': IN_SCOPE,
    'plan.import': IN_SCOPE,
    'plan.review': IN_SCOPE,
    'plan.publish': IN_SCOPE,
    'catalogue.edit': ['own', 'child', 'none'],
    'user.manage': IN_SCOPE,
    'data.read': IN_SCOPE,
    'data.enter': IN_SCOPE,
    'data.approve': IN_SCOPE,
    'data.publish': IN_SCOPE,
    'task.update': IN_SCOPE,
    'evaluation.comment': IN_SCOPE,
    'audit.read': IN_SCOPE,
    // The public's 意见建议 on a plan reach the administrators of its region and of the regions above it.
    'feedback.moderate': IN_SCOPE,
  },
  // 市教育局: its city plan and tasks, its counties' data to approve. Publishing stays with the province
  // (DESIGN.md lists it there), and a city does not approve the figures it entered itself: the province does.
  city_admin: {
    ...PUBLIC_ONLY,
    'plan.read_draft': IN_SCOPE,
    'plan.import': OWN,
    'plan.review': OWN,
    'data.read': IN_SCOPE,
    'data.enter': OWN,
    'data.approve': CHILD,
    'task.update': IN_SCOPE,
    'audit.read': IN_SCOPE,
    'feedback.moderate': IN_SCOPE,
  },
  // 县教育局: enters and submits its own county's data and sees its county, nothing more.
  county_reporter: {
    ...PUBLIC_ONLY,
    'plan.read_draft': OWN,
    'data.read': OWN,
    'data.enter': OWN,
  },
  // A department named in a task: updates its tasks (the task service also checks the task names this unit).
  responsible_unit: {
    ...PUBLIC_ONLY,
    'task.update': OWN,
  },
  // 督导室 or a third party: reads everything in scope, including who changed what, and comments.
  evaluator: {
    ...PUBLIC_ONLY,
    'plan.read_draft': IN_SCOPE,
    'data.read': IN_SCOPE,
    'evaluation.comment': IN_SCOPE,
    'audit.read': IN_SCOPE,
  },
  // The installation's operator: accounts, the audit trail and the shared catalogue, but no official figures or
  // plans: those belong to the education bureaus. It has no region, so its relation is always 'none'.
  system_admin: {
    ...PUBLIC_ONLY,
    'catalogue.edit': ANYWHERE,
    'user.manage': ANYWHERE,
    'audit.read': ANYWHERE,
    // Spam arrives wherever a plan is public: the operator can clear it, and answer, in every region.
    'feedback.moderate': ANYWHERE,
  },
  public: PUBLIC_ONLY,
};

/**
 * Whether a user (null: the public) may do an action on a target in the given relation to the user's region.
 * @example can({ role: 'city_admin', regionCode: '140900' }, 'data.approve', 'child') // true
 */
export function can(user: AccessUser | null, action: Action, relation: RegionRelation): boolean {
  return PERMISSIONS[user === null ? 'public' : user.role][action].includes(relation);
}

/**
 * How a target region relates to the user's region, from both ancestry chains (the region first, then its parent,
 * up to the province), which the caller reads from the region tree. An empty chain means "no region".
 * @example regionRelation(['140900', '140000'], ['140902', '140900', '140000']) // 'child'
 */
export function regionRelation(userChain: readonly string[], targetChain: readonly string[]): RegionRelation {
  const [userRegion] = userChain;
  const [targetRegion] = targetChain;
  if (userRegion === undefined || targetRegion === undefined) return 'none';
  if (userRegion === targetRegion) return 'own';
  if (targetChain.includes(userRegion)) return 'child';
  if (userChain.includes(targetRegion)) return 'parent';
  return 'other';
}

/** The region level a role's scope must be; null where any level fits (or, for system_admin, no region at all). */
export const ROLE_REGION_LEVEL: Readonly<Record<AccountRole, 'province' | 'city' | 'county' | 'any' | null>> = {
  province_admin: 'province',
  city_admin: 'city',
  county_reporter: 'county',
  responsible_unit: 'any',
  evaluator: 'any',
  system_admin: null,
};

/**
 * Whether someone may give an account this role: the installation's administrator any role; a user manager in a
 * region any role but the installation's administrator, so nobody can grant more than the whole of their region.
 */
export function canGrantRole(granter: AccessUser, role: AccountRole): boolean {
  if (granter.role === 'system_admin') return true;
  return role !== 'system_admin' && PERMISSIONS[granter.role]['user.manage'].length > 0;
}

/** One cell of the matrix. */
export interface Permission {
  role: Role;
  action: Action;
  relation: RegionRelation;
  allowed: boolean;
}

/** Every role × action × relation with its answer, for tests and documentation that enumerate the matrix. */
export function permissionTable(): Permission[] {
  return ROLES.flatMap((role) =>
    ACTIONS.flatMap((action) =>
      RELATIONS.map((relation) => ({ role, action, relation, allowed: PERMISSIONS[role][action].includes(relation) })),
    ),
  );
}
