import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(repoRoot, 'bin', 'delegate.cjs');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Run the built binary as a user would: a separate process, piped stdio (not a terminal). */
export function run(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'DELEGATE_PATH', 'DELEGATE_NOTES_DIR', 'DELEGATE_DEBUG', 'PAGER']) {
    if (!options.env || !(key in options.env)) delete env[key];
  }
  const result = spawnSync(process.execPath, [bin, ...args], {
    env,
    input: options.input ?? '',
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}
