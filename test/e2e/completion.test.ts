import { accessSync, chmodSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { bin, run } from '../helpers/run.js';
import { tempHome } from '../helpers/fixtures.js';
import { closeTerminals, keys, Terminal } from '../helpers/terminal.js';

// The completion scripts in the shells they are for: a real zsh and a real fish in a
// pseudo-terminal, `delegate` on the PATH, and a Tab pressed as a delegate would press it.

/** The program's path on PATH, or undefined when it is not installed. */
function installed(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

let sandbox: ReturnType<typeof tempHome>;
beforeEach(() => {
  sandbox = tempHome();
});
afterEach(() => {
  closeTerminals();
  sandbox.cleanup();
});

/** A `delegate` command on a PATH of its own, and the shell's setup file that loads the completion. */
function shellSetup(shell: 'zsh' | 'fish'): { env: Record<string, string>; setup: string } {
  const binDir = join(sandbox.home, 'bin');
  mkdirSync(binDir);
  writeFileSync(join(binDir, 'delegate'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(join(binDir, 'delegate'), 0o755);
  const script = run(['completion', shell], { env: sandbox.env }).stdout;
  const setup = join(sandbox.home, `setup.${shell}`);
  // The shell prints READY-42 once set up; the typed line (". setup.zsh") never shows it.
  writeFileSync(
    setup,
    shell === 'zsh'
      ? `PS1='zsh> '\nautoload -Uz compinit && compinit -u -d "${join(sandbox.home, 'zcompdump')}"\n${script}\nprint READY-$((6 * 7))\n`
      : `function fish_prompt; echo 'fish> '; end\nfunction fish_greeting; end\n${script}\necho READY-(math 6 '*' 7)\n`,
  );
  return { env: { ...sandbox.env, PATH: `${binDir}${delimiter}${process.env.PATH}`, TERM: 'dumb' }, setup };
}

const cases: Array<[string, string]> = [
  ['delegate read cha', 'delegate read chair-not-neutral '],
  ['delegate notes ed', 'delegate notes edit '],
  // "co" alone is compare or composite (or completion): "compa" is one.
  ['delegate motion compa', 'delegate motion compare '],
];

describe.each([
  ['zsh', ['-f', '-i']],
  ['fish', ['--no-config', '-i']],
] as const)('%s completion in a real shell', (shell, args) => {
  const path = installed(shell);
  const maybe = path ? test : test.skip;
  const why = path ? '' : ` (skipped: ${shell} is not installed)`;

  maybe(`completes commands, subcommands and page ids at Tab${why}`, async () => {
    const { env, setup } = shellSetup(shell);
    const term = new Terminal(path!, [...args], { env, cwd: sandbox.home, cols: 200 });
    term.write(`. ${setup}${keys.enter}`);
    await term.waitFor('READY-42', 30000);
    for (const [typed, completed] of cases) {
      term.write(`${typed}${keys.tab}`);
      const screen = await term.waitFor(completed);
      // Nothing else was offered in its place (zsh once completed "motion co" to "completion").
      expect(screen).not.toMatch(/delegate (read|notes|motion) (completion|cheatsheet|checklist)/);
      term.write('\u0015'); // Ctrl-U: clear the line for the next case
    }
    term.write(`exit${keys.enter}`);
    expect(await term.exited).toBe(0);
  });
});
