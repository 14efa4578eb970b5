import pty from 'node-pty';
import { tempHome } from '../helpers/fixtures.js';
import { bin } from '../helpers/run.js';
import { plain } from '../helpers/terminal.js';

// Ctrl-C while a page is open in the pager. The terminal sends SIGINT to delegate and to the
// pager; delegate must not leave the pager running without a parent, sharing the keys with the
// shell (issue 15: typing "echo hello" ran "cho"). A real shell in a real pseudo-terminal, with
// the real default pager (less).

let sandbox: ReturnType<typeof tempHome>;
let shells: pty.IPty[] = [];
beforeEach(() => {
  sandbox = tempHome();
});
afterEach(() => {
  for (const shell of shells) {
    try {
      shell.kill();
    } catch {
      // already ended
    }
  }
  shells = [];
  sandbox.cleanup();
});

/** An interactive shell in a terminal of 80x12, so any page is taller than the screen. */
function openShell(env: Record<string, string>) {
  const shell = pty.spawn('/bin/bash', ['--norc', '--noprofile', '-i'], {
    name: 'xterm-256color',
    cols: 80,
    rows: 12,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8', PS1: '$ ', HISTFILE: '/dev/null', LESSHISTFILE: '-', ...sandbox.env, ...env },
  });
  shells.push(shell);
  let output = '';
  shell.onData((data) => {
    output += data;
  });
  const screen = () => plain(output);
  const waitFor = (pattern: RegExp, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        if (pattern.test(screen().slice(from))) return resolve();
        if (Date.now() - started > 15000) return reject(new Error(`timed out waiting for ${String(pattern)}; screen:\n${screen().slice(-1500)}`));
        setTimeout(check, 25);
      };
      check();
    });
  return { shell, screen, waitFor, write: (keys: string) => shell.write(keys) };
}

async function expectTerminalBackWhole(term: ReturnType<typeof openShell>): Promise<void> {
  // Only the shell is left in the terminal's session: no pager, no shell around one.
  let mark = term.screen().length;
  term.write('ps -o comm= -s $$ | sort | tr "\\n" " "; echo :listed\r');
  await term.waitFor(/:listed\s*\n\$ $/, mark);
  const listed = term.screen().slice(mark);
  expect(listed).not.toMatch(/not found/);
  expect(listed).toMatch(/\bps\b.*:listed/); // ps itself ran, so the line reached the shell whole
  expect(listed).not.toMatch(/\bless\b.*:listed/);
  // And the next keys reach the shell whole.
  mark = term.screen().length;
  term.write('echo hel""lo\r');
  await term.waitFor(/\n\$ $/, mark);
  expect(term.screen().slice(mark)).toMatch(/^hello$/m);
}

describe('Ctrl-C while a page is open in the pager', () => {
  test('with the default less settings, Ctrl-C closes the pager and delegate ends with 130', async () => {
    const term = openShell({});
    await term.waitFor(/\$ $/);
    term.write(`'${process.execPath}' '${bin}' read glossary; echo "rc=$?"\r`);
    await term.waitFor(/Glossary of conference terms[^]*:$/);
    term.write('\u0003');
    await term.waitFor(/rc=130/);
    await expectTerminalBackWhole(term);
  });

  test('with a LESS of the delegate\'s own, delegate waits for the pager to be quit, then ends with 130', async () => {
    const term = openShell({ LESS: 'R' });
    await term.waitFor(/\$ $/);
    term.write(`'${process.execPath}' '${bin}' read glossary; echo "rc=$?"\r`);
    await term.waitFor(/Glossary of conference terms[^]*:$/);
    const mark = term.screen().length;
    term.write('\u0003');
    // less stays open: it rings the bell and draws its screen again.
    await term.waitFor(/[^]/, mark);
    term.write('q');
    await term.waitFor(/rc=130/);
    await expectTerminalBackWhole(term);
  });
});
