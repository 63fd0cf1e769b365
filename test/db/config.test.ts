import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

/** The ConfigError loadConfig throws for an environment. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted a bad environment');
}

describe('loadConfig', () => {
  it('starts with the embedded database in ./data on port 3000 when nothing is set', () => {
    expect(loadConfig({})).toEqual({ databaseUrl: undefined, dataDir: './data', port: 3000, nodeEnv: 'development' });
  });

  it('reads every variable, and treats an empty one as unset', () => {
    const env = { DATABASE_URL: 'postgres://eduplan@db:5432/eduplan', EDUPLAN_DATA: 'memory://', PORT: '8080' };
    expect(loadConfig({ ...env, NODE_ENV: 'production' })).toEqual({
      databaseUrl: 'postgres://eduplan@db:5432/eduplan',
      dataDir: 'memory://',
      port: 8080,
      nodeEnv: 'production',
    });
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/eduplan' }],
    ['NODE_ENV', { NODE_ENV: 'prod' }],
    ['EDUPLAN_DATA', { EDUPLAN_DATA: '   ' }],
  ])('names %s when it is wrong, in Chinese and English', (variable, env) => {
    const error = configError(env);
    expect(error.variables).toEqual([variable]);
    expect(error.message).toMatch(new RegExp(`^  ${variable}\\b.*[\\u4e00-\\u9fff].* / [a-z]`, 'm'));
  });

  it('names every bad variable at once, and never repeats a DATABASE_URL, which may hold a password', () => {
    const error = configError({ DATABASE_URL: 'mysql://admin:s3cret@db/eduplan', PORT: '0' });
    expect(error.variables).toEqual(['DATABASE_URL', 'PORT']);
    expect(error.message).toContain('PORT="0"');
    expect(error.message).not.toContain('s3cret');
  });
});
