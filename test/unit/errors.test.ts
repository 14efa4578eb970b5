import { ExitCode, UserError, usageError } from '../../src/errors.js';

// The motion island (dist/islands/motion.cjs) is built apart and has its own copy of
// src/errors.ts: a UserError it throws must still be a UserError to cli.ts, which prints its
// message and exits with its code instead of reporting a bug.
describe('UserError is told by its mark, whichever copy of the class made it', () => {
  test('an error made by this class, or by usageError', () => {
    expect(new UserError('no such file')).toBeInstanceOf(UserError);
    expect(usageError('give a number').exitCode).toBe(ExitCode.usage);
    expect(usageError('give a number') instanceof UserError).toBe(true);
  });

  test('an error made by another copy of the class (it carries the same mark)', () => {
    class CopiedUserError extends Error {
      get [Symbol.for('delegate.UserError')](): true {
        return true;
      }
    }
    expect(new CopiedUserError('from the island') instanceof UserError).toBe(true);
  });

  test('anything else is not: a plain Error, one named UserError, a string, null', () => {
    const named = new Error('looks like one');
    named.name = 'UserError';
    for (const value of [new Error('a bug'), named, 'UserError', null, undefined, { exitCode: 1 }]) expect(value instanceof UserError).toBe(false);
  });
});
