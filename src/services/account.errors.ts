import { ServiceError } from './errors.ts';

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
  regionDoesNotFitRole: (role: string, level: { zh: string; en: string }) =>
    new ServiceError(
      'REGION_DOES_NOT_FIT_ROLE',
      'invalid',
      {
        zh: `角色 ${role} 的管辖范围必须是${level.zh}`,
        en: `The scope of role ${role} must be ${level.en}`,
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
  /** The username or password is wrong: deliberately the same answer for an unknown user. */
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
