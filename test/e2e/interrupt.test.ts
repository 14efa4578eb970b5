import { useTempHome } from '../helpers/fixtures.js';
import { closeTerminals, keys, Terminal } from '../helpers/terminal.js';

// Ctrl-C outside a prompt: the terminal sends SIGINT to delegate itself (a prompt reads the key
// in raw mode instead and ends with ExitPromptError). Either way the command ends quietly, 130.

afterEach(closeTerminals); // before the home the terminals run in is removed
const sandbox = useTempHome();

test('Ctrl-C while a motion is being pasted ends the command with 130, quietly', async () => {
  // A named theme, so delegate does not ask this terminal its colours first.
  const term = Terminal.delegate(['motion', 'check', '-'], { env: { ...sandbox.env, DELEGATE_THEME: 'dark' } });
  await term.waitFor('Paste the motion, then press Ctrl-D on a line of its own.');
  term.write('Conference notes the housing crisis.\r');
  await term.waitFor('Conference notes the housing crisis.');
  term.write(keys.ctrlC);
  expect(await term.exited).toBe(130);
  expect(term.signal).toBeUndefined();
  expect(term.text()).not.toMatch(/Error|\n\s+at /);
});
