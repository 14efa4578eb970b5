import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { bundledContentDir } from '../../src/paths.js';
import { listFiles } from '../../src/util/listFiles.js';
import { namedTarget, writtenCommands, type WrittenCommand } from '../helpers/contentCommands.js';
import { tempHome } from '../helpers/fixtures.js';
import { run } from '../helpers/run.js';

// Every `delegate …` a page, a checklist or the cheat sheet tells its reader to run, found in
// whatever content/ holds now, pages added later included.
const dir = bundledContentDir();
const files = listFiles(dir, { extensions: ['.md'] });
const commands: WrittenCommand[] = files.flatMap((file) => writtenCommands(relative(dir, file), readFileSync(file, 'utf8')));

let sandbox: ReturnType<typeof tempHome>;
beforeAll(() => {
  sandbox = tempHome();
});
afterAll(() => sandbox.cleanup());

// Boolean flags; every other --option written without `=` takes the word after it as its value.
const FLAGS = new Set(['--json', '--jsonl', '--list', '--markdown', '--yes', '-y', '--reset', '--no-pager', '--marked']);

/** The words after an id that are neither options nor an option's value: title words. */
function wordsBesideOptions(rest: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (!word.startsWith('-')) words.push(word);
    else if (!FLAGS.has(word) && !word.includes('=')) i++;
  }
  return words;
}

/** What is wrong with one written command, as the reader would meet it; undefined when nothing. */
function problemWith(command: WrittenCommand, env: Record<string, string>): string | undefined {
  const where = `${command.file}:${command.line}: \`${command.text}\``;
  const target = namedTarget(command.args);
  // `read <id>` and `checklist <id>` are run once, with --json to see what opened; anything
  // else (other commands, extra options) is run as written too.
  // A motion command names the delegate's own files (motion.txt): there are none to run it on,
  // so it must at least be a motion command that exists.
  if (command.args[0] === 'motion') {
    const result = run(['motion', command.args[1] ?? '', '--help'], { env });
    return result.code === 0 && result.stdout.startsWith(`Usage: delegate motion ${command.args[1]} `) ? undefined : `${where} is not a motion command`;
  }
  if (!target || target.rest.length > 0) {
    const result = run(command.args, { env: { ...env, EDITOR: 'true', VISUAL: 'true' } });
    if (result.code !== 0) return `${where} exits ${result.code}: ${result.stderr.split('\n')[0]}`;
  }
  if (!target) return undefined;
  // Title words find a page too, but a near match may open another page: only an exact id is sure.
  const titleWords = wordsBesideOptions(target.rest);
  if (titleWords.length > 0) return `${where} names "${[target.id, ...titleWords].join(' ')}", not one id`;
  const json = run([target.kind === 'page' ? 'read' : 'checklist', target.id, '--json'], { env });
  if (json.code !== 0) return `${where} exits ${json.code}: ${json.stderr.split('\n')[0]}`;
  const opened = (JSON.parse(json.stdout) as { id?: string }).id;
  if (opened !== target.id) return `${where} opens the ${target.kind} "${opened}", not "${target.id}"`;
  return undefined;
}

describe('commands written in the content', () => {
  test('the content tells readers to run commands (so the check below checks something)', () => {
    expect(commands.length).toBeGreaterThan(50);
    expect(commands.some((c) => c.file === 'cheatsheet.md')).toBe(true);
    expect(commands.some((c) => c.file.startsWith('checklists/'))).toBe(true);
  });

  test('every one runs and opens exactly the page or checklist it names', () => {
    const seen = new Map<string, string | undefined>();
    const problems: string[] = [];
    for (const command of commands) {
      const key = JSON.stringify(command.args);
      if (!seen.has(key)) seen.set(key, problemWith(command, sandbox.env) ?? '');
      const problem = seen.get(key);
      // Report every place a broken command is written, not just the first.
      if (problem) problems.push(problem.replace(/^[^`]*/, `${command.file}:${command.line}: `));
    }
    expect(problems).toEqual([]);
  });
});
