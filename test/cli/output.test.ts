import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempHome } from '../helpers/fixtures.js';
import { bin, repoRoot, run } from '../helpers/run.js';

// Output that goes to a pipe or a file is written straight to the descriptor (src/ui/fdStream.ts):
// these check that all of it arrives however the reader behaves, and that a reader who leaves
// early ends the run quietly.

const housing = join(repoRoot, 'test', 'fixtures', 'motions', 'housing-cac.md');

const sandbox = useTempHome();

/** The same five motions many times over: a --json comparison of several hundred kB. */
function bigCompareArgs(): string[] {
  return ['motion', 'compare', '--json', ...Array.from({ length: 12 }, () => housing)];
}

describe('output to pipes and files', () => {
  test('redirected to a file, a large result arrives whole and is the same as through a pipe', () => {
    const piped = run(bigCompareArgs(), { env: sandbox.env });
    expect(piped.code).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(200_000);
    const out = join(sandbox.home, 'out.json');
    const quoted = [bin, ...bigCompareArgs()].map((a) => `'${a}'`).join(' ');
    const result = spawnSync('/bin/sh', ['-c', `"${process.execPath}" ${quoted} > '${out}'`], { encoding: 'utf8', env: { ...process.env, ...sandbox.env } });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
  });

  test('a reader that is slow to start still gets everything', async () => {
    const child = spawn(process.execPath, [bin, ...bigCompareArgs()], { env: { ...process.env, ...sandbox.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { motions: unknown[] };
    expect(json.motions).toHaveLength(60);
  });

  test('a reader that leaves after the first bytes: exit 0 and nothing on stderr', async () => {
    const child = spawn(process.execPath, [bin, ...bigCompareArgs()], { env: { ...process.env, ...sandbox.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  (existsSync('/dev/full') ? test : test.skip)('output that cannot be written (a full disk) is a plain message and exit 1, not a bug report', () => {
    for (const args of [['list'], bigCompareArgs()]) {
      const quoted = [bin, ...args].map((a) => `'${a}'`).join(' ');
      const result = spawnSync('/bin/sh', ['-c', `"${process.execPath}" ${quoted} > /dev/full`], { encoding: 'utf8', env: { ...process.env, ...sandbox.env } });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^delegate: could not write the output: ENOSPC/);
      expect(result.stderr).not.toContain('This is a bug');
    }
  });

  // A file size limit (ulimit -f) makes the system write only part of the file, then refuse
  // (EFBIG): the cheat sheet already there must stay whole, and no temp file be left.
  test('--output that the system cuts short is a plain message, exit 1, and the old file is kept whole', () => {
    const out = join(sandbox.home, 'cheatsheet.html');
    writeFileSync(out, 'the cheat sheet printed yesterday\n');
    const quoted = [bin, 'cheatsheet', '--format', 'html', '--output', out].map((a) => `'${a}'`).join(' ');
    const result = spawnSync('/bin/sh', ['-c', `ulimit -f 1; exec "${process.execPath}" ${quoted}`], { encoding: 'utf8', env: { ...process.env, ...sandbox.env } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`delegate: cannot write ${out} (EFBIG)\nCheck the folder exists and you can write to it.\n`);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe('the cheat sheet printed yesterday\n');
    expect(readdirSync(sandbox.home).filter((f) => f.includes('cheatsheet'))).toEqual(['cheatsheet.html']);
  });

  test('help and usage errors go where commands write, in order', () => {
    const help = run(['motion', '--help'], { env: sandbox.env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: delegate motion/);
    expect(help.stderr).toBe('');
    const wrong = run(['lst'], { env: sandbox.env });
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toBe('delegate: unknown command "lst"\nDid you mean: delegate list\n');
  });

  // A pipe another process has made non-blocking: a full pipe refuses writes (EAGAIN) rather
  // than waiting for the reader. Python sets that up; without it the case is left out.
  const python = spawnSync('python3', ['--version']).status === 0;
  (python ? test : test.skip)(`a non-blocking pipe with a slow reader still gets everything${python ? '' : ' (skipped: python3 is not installed)'}`, () => {
    const script = [
      'import os, sys, fcntl, subprocess, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.3)',
      'data = b""',
      'while True:',
      '    chunk = os.read(r, 4096)',
      '    if not chunk: break',
      '    data += chunk',
      'sys.stdout.write("%d %d" % (p.wait(), len(data)))',
    ].join('\n');
    const expected = run(bigCompareArgs(), { env: sandbox.env }).stdout;
    const result = spawnSync('python3', ['-c', script, process.execPath, bin, ...bigCompareArgs()], { encoding: 'utf8', env: { ...process.env, ...sandbox.env } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`0 ${Buffer.byteLength(expected)}`);
  });
});
