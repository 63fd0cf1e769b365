import { describe, expect, it } from 'vitest';
import { redact } from '../../src/services/audit.ts';
import {
  generatePassword,
  hashPassword,
  passwordProblem,
  verifyDecoy,
  verifyPassword,
} from '../../src/services/passwords.ts';

const codeOf = (password: string, username = 'xinfu-reporter') => passwordProblem(password, username)?.code ?? null;

describe('password rules', () => {
  it('wants at least 10 characters, counting each 汉字 as one', () => {
    expect(codeOf('short-pw9')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('教育规划监测评估平台')).toBeNull();
    expect(codeOf('教育规划监测评估平')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('x'.repeat(257) + 'y')).toBe('PASSWORD_TOO_LONG');
  });

  it('refuses the username as password, in any case and with spaces around', () => {
    expect(codeOf('Xinfu-Reporter ')).toBe('PASSWORD_SAME_AS_USERNAME');
  });

  it('refuses passwords attackers try first, and one character repeated', () => {
    for (const common of ['1234567890', 'Password123', 'qwertyuiop', 'woaini1314', 'aaaaaaaaaaaa']) {
      expect(codeOf(common), common).toBe('PASSWORD_TOO_COMMON');
    }
    expect(codeOf('忻州2025规划好好落实')).toBeNull();
  });

  it('says what is wrong in Chinese and English, and names the field', () => {
    const problem = passwordProblem('short', 'someone');
    expect(problem?.messages).toEqual({
      zh: '密码至少需要 10 个字符',
      en: 'The password must have at least 10 characters',
    });
    expect(problem?.at.field).toBe('password');
  });
});

describe('password hashing', () => {
  it('hashes with argon2id at OWASP parameters, salted, and verifies only the right password', async () => {
    const [first, second] = [await hashPassword('correct horse'), await hashPassword('correct horse')];
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct horse')).toBe(true);
    expect(await verifyPassword(first, 'correct horsf')).toBe(false);
    expect(await verifyPassword('not a hash', 'correct horse')).toBe(false);
    expect(await verifyDecoy('anything')).toBe(false);
  });

  it('generates passwords that pass the rules and differ every time', () => {
    const passwords = Array.from({ length: 20 }, generatePassword);
    expect(new Set(passwords).size).toBe(20);
    for (const password of passwords) expect(passwordProblem(password, 'admin')).toBeNull();
  });
});

describe('audit redaction', () => {
  it('drops secrets at any depth but keeps when the password changed', () => {
    expect(
      redact({ password: 'x', nested: [{ passwordHash: 'h', token: 't', name: '忻州' }], passwordChangedAt: 'd' }),
    ).toEqual({ nested: [{ name: '忻州' }], passwordChangedAt: 'd' });
  });
});
