import { Command, CommanderError } from 'commander';
import { buildProgram } from '../../src/program.js';
import type { GlobalOptions } from '../../src/context.js';

/** What the program hands a command: the options with the globals, and the arguments. */
interface Parsed {
  options: Record<string, unknown>;
  args: unknown[];
}

class Stop extends Error {
  constructor(readonly options: GlobalOptions) {
    super('stop before the command runs');
  }
}

const silent = { stdout: { write: () => true }, stderr: { write: () => true } };

/**
 * Parses argv as `delegate` would and stops before the command's module is loaded: the context
 * factory is the first thing an action calls.
 */
async function parse(...argv: string[]): Promise<Parsed> {
  const only = argv[0]?.startsWith('-') === false ? argv[0] : undefined;
  const program = buildProgram(
    (options) => {
      throw new Stop(options);
    },
    '0.0.0-test',
    silent,
    only,
  );
  let stopped: Stop | undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    stopped = error;
  }
  if (!stopped) throw new Error(`${argv.join(' ')} ran no command`);
  // The leaf command named by argv's leading words.
  let leaf: Command = program;
  for (const word of argv) {
    const next = leaf.commands.find((c) => c.name() === word);
    if (!next) break;
    leaf = next;
  }
  return { options: stopped.options as Record<string, unknown>, args: leaf === program ? program.processedArgs : leaf.processedArgs };
}

async function usageError(...argv: string[]): Promise<CommanderError> {
  try {
    await parse(...argv);
  } catch (error) {
    if (error instanceof CommanderError) return error;
    throw error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('argv to options, family by family', () => {
  test('the global options reach every command, with their defaults', async () => {
    expect((await parse('list')).options).toEqual({ color: 'auto', pager: true });
    expect((await parse('--width', '60', '--no-pager', '--color', 'never', 'list', '--kind', 'lesson')).options).toEqual({
      color: 'never',
      width: 60,
      pager: false,
      kind: 'lesson',
    });
  });

  test('handbook: read takes title words, search keeps -words as terms', async () => {
    const read = await parse('read', 'card', 'votes', '--line', '21', '--section', 'who chairs');
    expect(read.args).toEqual([['card', 'votes']]);
    expect(read.options).toMatchObject({ line: 21, section: 'who chairs' });
    const search = await parse('search', 'composit*', '-emergency', '--limit', '3', '--source', 'personal', '--jsonl');
    expect(search.args).toEqual([['composit*', '-emergency']]);
    expect(search.options).toMatchObject({ limit: 3, source: 'personal', jsonl: true });
    expect((await parse('cheatsheet', '--format', 'html', '--output', 'x.html')).options).toMatchObject({ format: 'html', output: 'x.html' });
    expect((await parse('completion', 'zsh')).args).toEqual(['zsh']);
  });

  test('notes: repeated --tag collects, and the title is its words', async () => {
    const add = await parse('notes', 'add', 'Economy', 'composite', '--tag', 'economy', '--tag', 'sunday');
    expect(add.args).toEqual([['Economy', 'composite']]);
    expect(add.options).toMatchObject({ tag: ['economy', 'sunday'] });
    expect((await parse('notes', 'import', 'a.md', 'b')).args).toEqual([['a.md', 'b']]);
  });

  test('checklist: repeated --check and --uncheck collect; list and status take the parent flags', async () => {
    const tick = await parse('checklist', 'amendment', '--check', 'seconder', '--check', '2', '--uncheck', '3', '--run', 'economy', '-y');
    expect(tick.args).toEqual(['amendment']);
    expect(tick.options).toMatchObject({ check: ['seconder', '2'], uncheck: ['3'], run: 'economy', yes: true });
    expect((await parse('checklist', 'status', '--json')).options).toMatchObject({ json: true });
    expect((await parse('checklist', 'list', '--run', 'economy')).options).toMatchObject({ run: 'economy' });
  });

  test('motion: check, compare and keep take their files and options', async () => {
    const check = await parse('motion', 'check', '-', '--limit', '300', '--json');
    expect(check.args).toEqual(['-']);
    expect(check.options).toMatchObject({ limit: 300, json: true });
    expect((await parse('motion', 'compare', 'a.txt', 'b.txt')).args).toEqual([['a.txt', 'b.txt']]);
    expect((await parse('motion', 'keep', '--mine', 'ours.txt', '--draft', 'composite.txt')).options).toMatchObject({ mine: 'ours.txt', draft: 'composite.txt' });
  });

  test('bad values are commander usage errors (cli.ts exits 2 on them) that name the option', async () => {
    const width = await usageError('--width', '5', 'list');
    expect(width.code).toBe('commander.invalidArgument');
    expect(width.message).toContain('--width');
    expect((await usageError('list', '--kind', 'poem')).message).toContain('poem');
    expect((await usageError('search', 'x', '--limit', '0')).message).toContain('--limit');
    expect((await usageError('motion', 'keep', '--mine', 'a.txt')).message).toContain('--draft');
    expect((await usageError('checklist', 'x', '--format', 'pdf')).code).toBe('commander.invalidArgument');
    expect((await usageError('motion', 'keep', '--mine', 'a.txt')).code).toBe('commander.missingMandatoryOptionValue');
  });
});
