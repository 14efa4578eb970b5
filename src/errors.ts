/** Exit codes that mean something (clig.dev): scripts can branch on them. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  interrupted: 130,
} as const;

/** What marks a UserError, whichever copy of this module made it. */
const USER_ERROR = Symbol.for('delegate.UserError');

/**
 * The one user-facing error: what went wrong, where, and what to do.
 * Anything thrown that is not a UserError is a bug and is reported with its stack.
 */
export class UserError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;

  /**
   * NOTE: `instanceof UserError` asks for the mark, not the class: the motion island
   * (dist/islands/motion.cjs, built apart) has a copy of this module, and so a class of its own.
   */
  static override [Symbol.hasInstance](value: unknown): value is UserError {
    return typeof value === 'object' && value !== null && (value as { [USER_ERROR]?: unknown })[USER_ERROR] === true;
  }

  get [USER_ERROR](): true {
    return true;
  }

  constructor(message: string, options: { exitCode?: number; hint?: string } = {}) {
    super(message);
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? ExitCode.failure;
    this.hint = options.hint;
  }
}

/** A usage mistake (bad flag value, missing argument): exit 2. */
export function usageError(message: string, hint?: string): UserError {
  return new UserError(message, { exitCode: ExitCode.usage, ...(hint ? { hint } : {}) });
}
