import { tempHome } from '../helpers/fixtures.js';
import { closeTerminals, Terminal } from '../helpers/terminal.js';

// --theme auto on a terminal that sets no COLORFGBG: delegate asks the terminal for its
// background (OSC 11) and chooses its colours by the answer. Here the test is the terminal, and
// answers as a real one would: with a colour, or only with its device attributes.

let sandbox: ReturnType<typeof tempHome>;
beforeEach(() => {
  sandbox = tempHome();
});
afterEach(() => {
  closeTerminals();
  sandbox.cleanup();
});

/** Run `read cac --no-pager` in a terminal that answers OSC 11 with `background` (or not at all). */
async function runAnswering(background: string | undefined, env: Record<string, string> = {}): Promise<{ output: string; code: number }> {
  const term = Terminal.delegate(['read', 'cac', '--no-pager'], {
    env: { ...sandbox.env, ...env },
    rows: 200,
    onOutput: (data, terminal) => {
      if (!data.includes('\u001b]11;?')) return;
      if (background) terminal.write(`\u001b]11;${background}\u001b\\`);
      terminal.write('\u001b[?62;22c'); // device attributes: every terminal answers these
    },
  });
  const code = await term.exited;
  return { output: term.raw, code };
}

const HEADING = { light: '\u001b[38;5;24m', dark: '\u001b[36m', both: '\u001b[38;5;30m' };

describe('--theme auto asks the terminal for its background', () => {
  test('a white background gets the light colours', async () => {
    const { output, code } = await runAnswering('rgb:ffff/ffff/ffff');
    expect(code).toBe(0);
    expect(output).toContain(HEADING.light);
  });

  test('a black background gets the dark colours', async () => {
    const { output } = await runAnswering('rgb:0000/0000/0000');
    expect(output).toContain(HEADING.dark);
  });

  test('a terminal that does not know OSC 11 gets colours that read on both', async () => {
    const { output } = await runAnswering(undefined);
    expect(output).toContain(HEADING.both);
  });

  test('COLORFGBG, DELEGATE_THEME and --theme decide without asking', async () => {
    const fromEnv = await runAnswering('rgb:ffff/ffff/ffff', { COLORFGBG: '15;0' });
    expect(fromEnv.output).not.toContain('\u001b]11;?');
    expect(fromEnv.output).toContain(HEADING.dark);
    const named = await runAnswering('rgb:0000/0000/0000', { DELEGATE_THEME: 'light' });
    expect(named.output).not.toContain('\u001b]11;?');
    expect(named.output).toContain(HEADING.light);
  });
});

test('after asking, a motion pasted at the terminal is still read (motion check -)', async () => {
  const term = Terminal.delegate(['motion', 'check', '-'], {
    env: sandbox.env,
    rows: 200,
    onOutput: (data, terminal) => {
      if (data.includes('\u001b]11;?')) terminal.write('\u001b]11;rgb:0000/0000/0000\u001b\\\u001b[?62;22c');
    },
  });
  await term.waitFor('press Ctrl-D');
  term.write('Free school meals for every child\r\rConference resolves to campaign for free school meals in every school.\r\u0004');
  // Before the fix, delegate ended here with status 0 and printed nothing more.
  expect(await term.exited).toBe(0);
  expect(term.screen).toMatch(/Passes/);
});
