import { render } from '@inquirer/testing';
import { UserError } from '../../src/errors.js';
import { makeTheme } from '../../src/render/theme.js';
import { checklistPrompt, type ChecklistPromptConfig } from '../../src/ui/checklistPrompt.js';

const theme = makeTheme(false);

const items = [
  { id: 'read-motions', text: 'Read every motion', explanation: '    They show where organisations part company.' },
  { id: 'find-allies', text: 'List your allies', explanation: '    Check each motion has a fighter in the room.' },
  { id: 'mark-words', text: 'Mark your words', explanation: '' },
];

/** A prompt whose saves go to `saved`, as the store would keep them. */
function setup(overrides: Partial<ChecklistPromptConfig> = {}) {
  const saved = new Set<string>(overrides.ticked ?? []);
  const calls: Array<[string, boolean]> = [];
  const config: ChecklistPromptConfig = {
    title: 'Before the compositing meeting',
    items,
    ticked: new Set(saved),
    onToggle: (id, tick) => {
      calls.push([id, tick]);
      if (tick) saved.add(id);
      else saved.delete(id);
      return new Set(saved);
    },
    theme,
    width: 80,
    pageSize: 10,
    ...overrides,
  };
  return { config, saved, calls };
}

describe('checklist prompt', () => {
  test('shows the items with their ticks, the count, and the highlighted item\'s explanation', async () => {
    const { config } = setup({ ticked: new Set(['find-allies']) });
    const { getScreen, events, answer } = await render(checklistPrompt, config);
    const screen = getScreen();
    expect(screen).toContain('Before the compositing meeting  1/3');
    expect(screen).toContain('> [ ] Read every motion');
    expect(screen).toContain('  [x] List your allies');
    expect(screen).toContain('They show where organisations part company.');
    expect(screen).not.toContain('fighter in the room');
    expect(screen).toContain('space tick/untick');

    events.keypress('down');
    expect(getScreen()).toContain('> [x] List your allies');
    expect(getScreen()).toContain('Check each motion has a fighter in the room.');
    expect(getScreen()).not.toContain('part company');
    events.keypress('q');
    await answer;
  });

  test('space and enter tick and untick, saving each change before the screen shows it', async () => {
    const { config, saved, calls } = setup();
    const { getScreen, events, answer } = await render(checklistPrompt, config);
    events.keypress('space');
    expect(calls).toEqual([['read-motions', true]]);
    expect(saved.has('read-motions')).toBe(true);
    expect(getScreen()).toContain('> [x] Read every motion');
    expect(getScreen()).toContain('1/3');

    events.keypress('down');
    events.keypress('enter');
    expect(calls).toEqual([['read-motions', true], ['find-allies', true]]);
    expect(getScreen()).toContain('2/3');

    events.keypress('up');
    events.keypress('space');
    expect(calls[2]).toEqual(['read-motions', false]);
    expect(getScreen()).toContain('> [ ] Read every motion');

    events.keypress('q');
    const outcome = await answer;
    expect(outcome).toEqual({ ticked: new Set(['find-allies']) });
    expect(getScreen()).toContain('Before the compositing meeting  1/3 (saved)');
  });

  test('ticks saved by another terminal meanwhile appear with the next save', async () => {
    const { config } = setup({ onToggle: () => new Set(['read-motions', 'mark-words']) });
    const { getScreen, events, answer } = await render(checklistPrompt, config);
    events.keypress('space');
    expect(getScreen()).toContain('2/3');
    expect(getScreen()).toContain('  [x] Mark your words');
    events.keypress('escape');
    await answer;
  });

  test('up at the top and down at the bottom stay put; end and home jump', async () => {
    const { config, calls } = setup();
    const { getScreen, events, answer } = await render(checklistPrompt, config);
    events.keypress('up');
    expect(getScreen()).toContain('> [ ] Read every motion');
    events.keypress('end');
    events.keypress('down');
    expect(getScreen()).toContain('> [ ] Mark your words');
    events.keypress('space');
    expect(calls).toEqual([['mark-words', true]]);
    events.keypress('home');
    expect(getScreen()).toContain('> [ ] Read every motion');
    events.keypress('q');
    await answer;
  });

  test('a save that fails with a user error is shown and changes nothing on screen', async () => {
    const { config } = setup({
      onToggle: () => {
        throw new UserError('another delegate process is saving this checklist', { hint: 'Try again.' });
      },
    });
    const { getScreen, events, answer } = await render(checklistPrompt, config);
    events.keypress('space');
    expect(getScreen()).toContain('Not saved: another delegate process is saving this checklist Try again.');
    expect(getScreen()).toContain('> [ ] Read every motion');
    expect(getScreen()).toContain('0/3');
    events.keypress('down');
    expect(getScreen()).not.toContain('Not saved');
    events.keypress('q');
    await answer;
  });

  test('a save that fails with a bug ends the prompt and hands the error on', async () => {
    const bug = new TypeError('boom');
    const { config } = setup({
      onToggle: () => {
        throw bug;
      },
    });
    const { events, answer } = await render(checklistPrompt, config);
    events.keypress('space');
    await expect(answer).resolves.toEqual({ bug });
  });

  test('Ctrl-C rejects with ExitPromptError after what was ticked is saved', async () => {
    const { config, saved } = setup();
    const { events, answer } = await render(checklistPrompt, config);
    events.keypress('space');
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect([...saved]).toEqual(['read-motions']);
  });

  test('a long list scrolls to keep the highlighted item on screen', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `item-${i + 1}`, text: `Item number ${i + 1}`, explanation: '' }));
    const { config } = setup({ items: many, pageSize: 5 });
    const { getScreen, events, answer } = await render(checklistPrompt, config);
    expect(getScreen()).not.toContain('Item number 6');
    for (let i = 0; i < 20; i++) events.keypress('down');
    expect(getScreen()).toContain('> [ ] Item number 21');
    expect(getScreen()).not.toMatch(/Item number 1$/m);
    events.keypress('q');
    await answer;
  });
});
