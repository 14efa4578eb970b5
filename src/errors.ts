/** Exit codes that mean something (clig.dev): scripts can branch on them. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  interrupted: 130,
} as const;

/**
 * The one user-facing error: what went wrong, where, and what to do.
 * Anything thrown that is not a UserError is a bug and is reported with its stack.
 */
export class UserError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;

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
