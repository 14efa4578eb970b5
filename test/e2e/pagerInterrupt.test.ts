import { tempHome } from '../helpers/fixtures.js';
import { bin } from '../helpers/run.js';
import { closeTerminals, Terminal } from '../helpers/terminal.js';

// Ctrl-C while a page is open in the pager. The terminal sends SIGINT to delegate and to the
// pager; delegate must not leave the pager running without a parent, sharing the keys with the
// shell (issue 15: typing "echo hello" ran "cho"). A real shell in a real pseudo-terminal, with
// the real default pager (less).

let sandbox: ReturnType<typeof tempHome>;
beforeEach(() => {
  sandbox = tempHome();
});
afterEach(() => {
  closeTerminals();
  sandbox.cleanup();
});

/** An interactive shell in a terminal of 80x12, so any page is taller than the screen; no PAGER, so delegate runs less. */
function openShell(env: Record<string, string>): Terminal {
  return new Terminal('/bin/bash', ['--norc', '--noprofile', '-i'], {
    env: { PS1: '$ ', HISTFILE: '/dev/null', LESSHISTFILE: '-', PAGER: '', ...sandbox.env, ...env },
    cols: 80,
    rows: 12,
  });
}

async function expectTerminalBackWhole(term: Terminal): Promise<void> {
  // Only the shell is left in the terminal's session: no pager, no shell around one.
  term.skip();
  term.write('ps -o comm= -s $$ | sort | tr "\\n" " "; echo :listed\r');
  const listed = await term.waitFor(/:listed\s*\n\$ $/);
  expect(listed).not.toMatch(/not found/);
  expect(listed).toMatch(/\bps\b.*:listed/); // ps itself ran, so the line reached the shell whole
  expect(listed).not.toMatch(/\bless\b.*:listed/);
  // And the next keys reach the shell whole.
  term.skip();
  term.write('echo hel""lo\r');
  expect(await term.waitFor(/\n\$ $/)).toMatch(/^hello$/m);
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
    term.skip();
    term.write('\u0003');
    // less stays open: it rings the bell and draws its screen again.
    await term.waitFor(/[^]/);
    term.write('q');
    await term.waitFor(/rc=130/);
    await expectTerminalBackWhole(term);
  });
});
