import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { search } from '../../src/commands/search.js';
import { createContext, type OutStream } from '../../src/context.js';
import { listMarkdownFiles } from '../../src/content/pageFiles.js';
import { UserError } from '../../src/errors.js';
import { bundledContentDir } from '../../src/paths.js';
import { useTempDir } from '../helpers/fixtures.js';

let home: string;
const tempFolder = useTempDir('delegate-search-cmd-');
beforeEach(() => {
  home = tempFolder();
});

function stream(isTTY: boolean): OutStream & { text: string } {
  const out = { text: '', isTTY, columns: 100, rows: 1000, write: (chunk: string) => ((out.text += chunk), true) };
  return out;
}

/** A context with its own clock: each reading of it is `step` ms after the last. */
function context(options: { stderrTTY: boolean; step: number }) {
  const stdout = stream(false);
  const stderr = stream(options.stderrTTY);
  let t = Date.parse('2025-09-28T10:00:00Z');
  const ctx = createContext(
    { color: 'never' },
    {
      stdout,
      stderr,
      stdin: Readable.from([]),
      env: { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), DELEGATE_NOTES_DIR: join(home, 'notes') },
      now: () => new Date((t += options.step)),
    },
  );
  return { ctx, stdout, stderr };
}

function writeNotes(count: number): void {
  mkdirSync(join(home, 'notes'));
  for (let i = 0; i < count; i++) writeFileSync(join(home, 'notes', `n${i}.md`), `# Note ${i}\n\nquorum ${i}\n`);
}

describe('search command, in process', () => {
  test('indexing that runs past a second shows its progress on a terminal, then clears the line', async () => {
    writeNotes(250);
    const { ctx, stdout, stderr } = context({ stderrTTY: true, step: 600 });
    await search({ query: 'quorum', limit: 1 }, ctx);
    // The bundled pages and the bundled checklists, which search reads too.
    const total = 250 + listMarkdownFiles(bundledContentDir()).length + readdirSync(join(bundledContentDir(), 'checklists')).filter((f) => f.endsWith('.md')).length;
    // Each reading of the clock moves it 600 ms: at 100 files less than a second has passed.
    expect(stderr.text).toBe(`\r\u001b[KIndexing pages for search: 200 of ${total}\r\u001b[KIndexing pages for search: ${total} of ${total}\r\u001b[K`);
    expect(stdout.text).toMatch(/^n\d+ {2}Note \d+ {2}note · your notes\n/);
  });

  test('no progress when stderr is not a terminal, or when indexing is quick', async () => {
    writeNotes(250);
    const piped = context({ stderrTTY: false, step: 600 });
    await search({ query: 'quorum', limit: 1 }, piped.ctx);
    expect(piped.stderr.text).toBe('');
    rmSync(join(home, 'cache'), { recursive: true });
    const quick = context({ stderrTTY: true, step: 0 });
    await search({ query: 'quorum', limit: 1 }, quick.ctx);
    expect(quick.stderr.text).toBe('');
  });

  test('--json with no match prints an empty result, then fails with exit 1', async () => {
    const { ctx, stdout } = context({ stderrTTY: false, step: 0 });
    const error = await search({ query: 'zzyzx', json: true }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(1);
    expect(JSON.parse(stdout.text)).toEqual({
      query: 'zzyzx',
      searched: '',
      corrections: [],
      corrected: false,
      relaxed: false,
      widened: [],
      questionWordsLeftOut: [],
      questionOnly: false,
      notFound: ['zzyzx'],
      total: 0,
      complete: 0,
      results: [],
    });
  });
});
