import type { AccountRole } from '../domain/access.ts';
import { ServiceError } from './errors.ts';

/** The roles as the people who grant them call them (the web app's labels). */
const ROLE_NAMES: Readonly<Record<AccountRole, { zh: string; en: string }>> = {
  province_admin: { zh: '省级管理员', en: 'a province administrator' },
  city_admin: { zh: '市级管理员', en: 'a city administrator' },
  county_reporter: { zh: '县级填报员', en: 'a county reporter' },
  responsible_unit: { zh: '责任单位', en: 'a responsible unit' },
  evaluator: { zh: '督导评估员', en: 'an evaluator' },
  system_admin: { zh: '系统管理员', en: 'the system administrator' },
};

/** The account errors, by stable code; each says what was wrong and what to do. */
export const accountErrors = {
  /** The password is shorter than the minimum. */
  passwordTooShort: (min: number) =>
    new ServiceError(
      'PASSWORD_TOO_SHORT',
      'invalid',
      { zh: `密码至少需要 ${min} 个字符`, en: `The password must have at least ${min} characters` },
      { field: 'password' },
    ),
  /** The password is absurdly long (argon2 would still hash it, but it is not a password). */
  passwordTooLong: (max: number) =>
    new ServiceError(
      'PASSWORD_TOO_LONG',
      'invalid',
      { zh: `密码不能超过 ${max} 个字符`, en: `The password must have at most ${max} characters` },
      { field: 'password' },
    ),
  /** The password repeats the username. */
  passwordIsUsername: () =>
    new ServiceError(
      'PASSWORD_SAME_AS_USERNAME',
      'invalid',
      { zh: '密码不能与用户名相同', en: 'The password must not be the username' },
      { field: 'password' },
    ),
  /** The password is one attackers try first. */
  passwordTooCommon: () =>
    new ServiceError(
      'PASSWORD_TOO_COMMON',
      'invalid',
      { zh: '密码过于常见，容易被猜中，请换一个', en: 'The password is too common and easy to guess: choose another' },
      { field: 'password' },
    ),
  /** The username has characters or a length we do not accept. */
  usernameInvalid: () =>
    new ServiceError(
      'USERNAME_INVALID',
      'invalid',
      {
        zh: '用户名须为 3 到 64 个字母、数字、汉字或 . _ @ -',
        en: 'The username must be 3 to 64 letters, digits, Chinese characters or . _ @ -',
      },
      { field: 'username' },
    ),
  /** Another account has this username (in any case). */
  usernameTaken: () =>
    new ServiceError(
      'USERNAME_TAKEN',
      'conflict',
      { zh: '该用户名已被使用', en: 'This username is already taken' },
      { field: 'username' },
    ),
  /** The display name is empty. */
  displayNameMissing: () =>
    new ServiceError(
      'DISPLAY_NAME_MISSING',
      'invalid',
      { zh: '请填写显示名称', en: 'Enter a display name' },
      { field: 'displayName' },
    ),
  /** The region code names no region in use today. */
  regionUnknown: (code: string) =>
    new ServiceError(
      'REGION_UNKNOWN',
      'invalid',
      { zh: `行政区划代码 ${code} 不存在或已停用`, en: `Region code ${code} does not exist or is no longer in use` },
      { field: 'regionCode' },
    ),
  /** The role needs a region of another level, or none at all. */
  regionDoesNotFitRole: (role: AccountRole, level: { zh: string; en: string }) =>
    new ServiceError(
      'REGION_DOES_NOT_FIT_ROLE',
      'invalid',
      {
        zh: `${ROLE_NAMES[role].zh}的管辖范围必须是${level.zh}`,
        en: `The scope of ${ROLE_NAMES[role].en} must be ${level.en}`,
      },
      { field: 'regionCode' },
    ),
  /** A responsible unit needs its department's name; other roles must not carry one. */
  unitNameMismatch: (required: boolean) =>
    new ServiceError(
      'UNIT_NAME_MISMATCH',
      'invalid',
      required
        ? { zh: '责任单位须填写单位名称', en: 'A responsible unit needs its unit name' }
        : { zh: '只有责任单位填写单位名称', en: 'Only a responsible unit has a unit name' },
      { field: 'unitName' },
    ),
  /** A manager tried to deactivate their own account, which would lock them out mid-session. */
  cannotDeactivateSelf: () =>
    new ServiceError(
      'CANNOT_DEACTIVATE_SELF',
      'invalid',
      {
        zh: '不能停用自己的账号，请由另一位管理员操作',
        en: 'You cannot deactivate your own account: ask another administrator',
      },
      { field: 'active' },
    ),
  /** The username or password is wrong: deliberately the same answer for an unknown user. */
  /** The current password given to change it is wrong. */
  currentPasswordWrong: () =>
    new ServiceError(
      'CURRENT_PASSWORD_WRONG',
      'invalid',
      { zh: '当前密码不正确', en: 'The current password is wrong' },
      { field: 'currentPassword' },
    ),
  /** The new password is the current one. */
  passwordUnchanged: () =>
    new ServiceError(
      'PASSWORD_UNCHANGED',
      'invalid',
      { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
      { field: 'newPassword' },
    ),
  invalidCredentials: () =>
    new ServiceError('INVALID_CREDENTIALS', 'unauthenticated', {
      zh: '用户名或密码错误',
      en: 'Wrong username or password',
    }),
  /** Too many failures on this username: the same answer whether or not the account exists. */
  signInLocked: (minutes: number) =>
    new ServiceError('SIGN_IN_LOCKED', 'rate-limited', {
      zh: `登录失败次数过多，请 ${minutes} 分钟后再试`,
      en: `Too many failed sign-ins: try again in ${minutes} minutes`,
    }),
  /** The user may not do this here. */
  forbidden: () =>
    new ServiceError('FORBIDDEN', 'forbidden', {
      zh: '您无权执行此操作',
      en: 'You are not allowed to do this',
    }),
  /** No account has this id. */
  userNotFound: () =>
    new ServiceError('USER_NOT_FOUND', 'not-found', { zh: '用户不存在', en: 'No such user' }, { field: 'userId' }),
} as const;
