import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from '../helpers/fixtures.js';
import { closeTerminals, keys, Terminal } from '../helpers/terminal.js';

// Ctrl-C while a note is open in the editor. The terminal sends SIGINT to delegate and to the
// editor; an editor such as vi keeps running on it. If delegate ended at once, the editor would
// be left without a parent, sharing the delegate's keystrokes with the shell, as the pager once
// was (issue 15). Delegate must wait for the editor to be closed, then end with 130.

let sandbox: ReturnType<typeof tempHome>;
beforeEach(() => {
  sandbox = tempHome();
});
afterEach(() => {
  closeTerminals();
  sandbox.cleanup();
});

/** Whether a process is still running (a signal 0 reaches it). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Ctrl-C while the editor is open', () => {
  test('delegate waits for the editor to close, then ends with 130; no editor is left running', async () => {
    const pidFile = join(sandbox.home, 'editor.pid');
    const editor = join(sandbox.home, 'slow-editor.sh');
    // An editor that, like vi, survives Ctrl-C, and takes a while to close after it.
    writeFileSync(
      editor,
      [
        '#!/bin/sh',
        `echo $$ > '${pidFile}'`,
        "trap 'interrupted=1' INT",
        'echo "editing $1"',
        'while [ -z "$interrupted" ]; do sleep 0.1; done',
        'echo "closing the editor"',
        'sleep 2',
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(editor, 0o755);
    const term = Terminal.delegate(['notes', 'add', 'Economy composite'], { env: { ...sandbox.env, NO_COLOR: '1', VISUAL: editor, EDITOR: editor } });
    await term.waitFor('editing ');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(running(pid)).toBe(true);

    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
    expect(term.text()).toContain('closing the editor');
    expect(running(pid)).toBe(false);
  });
});
