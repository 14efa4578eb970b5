import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTheme } from '../../src/render/theme.js';
import { openDatabase } from '../../src/search/database.js';
import { tempHome } from '../helpers/fixtures.js';
import { bin, repoRoot, run } from '../helpers/run.js';
import { closeTerminals, keys, Terminal } from '../helpers/terminal.js';

const ESC = '\u001b';
let sandbox: ReturnType<typeof tempHome>;
let notes: string;
beforeEach(() => {
  sandbox = tempHome();
  notes = join(sandbox.home, 'notes');
  mkdirSync(notes);
});
afterEach(() => {
  closeTerminals();
  sandbox.cleanup();
});

const env = () => ({ ...sandbox.env, DELEGATE_NOTES_DIR: notes });
const delegate = (args: string[], extra: Record<string, string> = {}) => run(args, { env: { ...env(), ...extra } });
const indexFile = () => join(sandbox.home, 'cache', 'delegate', 'search.db');

/** The page ids of the hits, in order, from the plain-text output. */
function hitIds(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => /^[a-z0-9-]+ {2}\S/.test(line))
    .map((line) => line.split(' ')[0]!);
}

describe('delegate search', () => {
  test('a misspelled query finds the right page first, and says what it searched for instead', () => {
    const result = delegate(['search', 'refrence', 'back']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Showing results for reference back (nothing for "refrence back")');
    expect(hitIds(result.stdout)[0]).toBe('reference-back');
    expect(result.stdout).toContain('reference-back  Reference back  procedure\n');
    expect(result.stdout).not.toContain(ESC);
  });

  test('each hit shows the lines that matched with their line numbers in the file', () => {
    const result = delegate(['search', 'who', 'chairs', 'the', 'compositing', 'meeting']);
    expect(hitIds(result.stdout)[0]).toBe('compositing');
    const file = readFileSync(join(repoRoot, 'content', 'procedure', 'compositing.md'), 'utf8').split('\n');
    const n = file.indexOf('## Who chairs the compositing meeting') + 1;
    expect(result.stdout).toContain(`  ${n}: ## Who chairs the compositing meeting\n`);
  });

  test('with colour, the matched words are highlighted', () => {
    const result = delegate(['--color', 'always', 'search', 'card', 'vote', '50', '50']);
    expect(hitIds(result.stdout.replace(/\u001b\[[\d;]*m/g, ''))[0]).toBe('card-votes');
    const theme = makeTheme(true);
    expect(result.stdout).toContain(theme.match('card'));
    expect(result.stdout).toContain(theme.match('50'));
    expect(delegate(['search', 'card', 'vote', '50', '50']).stdout).not.toContain(ESC);
  });

  test('--json gives the query searched, corrections and each hit with its lines; --jsonl one hit a line', () => {
    const json = JSON.parse(delegate(['search', 'compositting', '--json', '--limit', '3']).stdout) as {
      searched: string;
      total: number;
      results: Array<{ id: string; file: string; lines: Array<{ line: number; text: string; matches: Array<[number, number]> }> }>;
    };
    expect(json.results).toHaveLength(3);
    expect(json.results[0]!.id).toBe('compositing');
    const first = json.results[0]!.lines[0]!;
    expect(readFileSync(json.results[0]!.file, 'utf8').split('\n')[first.line - 1]).toContain(first.text.replace(/^…|…$/g, ''));
    expect(first.text.slice(...first.matches[0]!).toLowerCase()).toMatch(/^composit/);

    const lines = delegate(['search', 'card', 'vote', '--jsonl', '--limit', '4']).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)[0]).toBe('card-votes');
  });

  test('--kind, --tag, --source and --limit narrow the results', () => {
    const lessons = ['read-every-motion', 'know-your-allies', 'bring-your-own-words', 'speaking-rights', 'know-the-procedure', 'chair-not-neutral', 'more-than-one-motion'];
    const everything = hitIds(delegate(['search', 'compositing', '--limit', '50']).stdout);
    expect(everything).toContain('compositing'); // a procedure page, which --kind lesson must leave out
    const lessonHits = delegate(['search', 'compositing', '--kind', 'lesson', '--limit', '50']);
    expect(lessonHits.code).toBe(0);
    // Every lesson the unfiltered search finds, and nothing else, in the same order.
    expect(hitIds(lessonHits.stdout)).toEqual(everything.filter((id) => lessons.includes(id)));
    expect(hitIds(lessonHits.stdout).length).toBeGreaterThan(1);
    expect(hitIds(delegate(['search', 'motion', '--limit', '2']).stdout)).toHaveLength(2);
    writeFileSync(join(notes, 'mine.md'), '# Mine\n\nA note about the card vote.\n');
    expect(hitIds(delegate(['search', 'card', 'vote', '--source', 'personal']).stdout)).toEqual(['mine']);
    const bundled = hitIds(delegate(['search', 'card', 'vote', '--source', 'bundled']).stdout);
    expect(bundled[0]).toBe('card-votes');
    expect(bundled).not.toContain('mine');
    expect(delegate(['search', 'card', '--limit', '0'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining("error: option '--limit <n>' argument '0' is invalid. Give a whole number, 1 or more."),
    });
  });

  test('"phrases" and -excluded words (after --, so the shell and option parser leave them alone)', () => {
    writeFileSync(join(notes, 'apart.md'), 'The card was blue and the vote was close.\n');
    writeFileSync(join(notes, 'together.md'), 'A card vote was held.\n');
    expect(hitIds(delegate(['search', '--source', 'personal', 'card', 'vote']).stdout).sort()).toEqual(['apart', 'together']);
    expect(hitIds(delegate(['search', '--source', 'personal', '"card vote"']).stdout)).toEqual(['together']);
    expect(hitIds(delegate(['search', '--source', 'personal', '--', 'card', '-blue']).stdout)).toEqual(['together']);
  });

  test('no match exits 1 with a hint; nothing on stdout', () => {
    const result = delegate(['search', 'zzyzx', 'quux']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('delegate: nothing matches "zzyzx quux"');
    expect(result.stderr).toContain('Try fewer words');
    const pasted = delegate(['search', 'zzyzx '.repeat(500)]);
    expect(pasted.code).toBe(1);
    expect(pasted.stderr.split('\n')[0]).toBe(`delegate: nothing matches "${'zzyzx '.repeat(14).slice(0, 79)}…": no page mentions "zzyzx"`);
  });

  test('bad input: only question words say so, and exit 1 when nothing matches; a word no page has is named, never swapped', () => {
    const asked = delegate(['search', 'what', 'is', 'the', '--tag', 'no-such-tag']);
    expect(asked).toMatchObject({ code: 1, stdout: '' });
    expect(asked.stderr).toContain('delegate: nothing matches "what is the" with those filters');
    expect(asked.stderr).toContain('Only question words ("what is the"), so they were searched as typed.');
    const whip = delegate(['search', 'whip']);
    expect(whip).toMatchObject({ code: 1, stdout: '' });
    expect(whip.stderr).toContain('delegate: nothing matches "whip": no page mentions "whip"');
    expect(whip.stderr).not.toContain('chip');
    // Named as typed, not as the index folds it ("λόγοσ"; "Whip" for "whip").
    const greek = delegate(['search', 'λόγος']);
    expect(greek.stderr).toContain('no page mentions "λόγος"');
    const rest = delegate(['search', 'Whip', 'reference', 'back']);
    expect(rest.code).toBe(0);
    expect(rest.stdout).toContain('No page mentions "Whip"; searched for the rest.');
  });

  test('bad input: a pasted 2,000-word query is cut to its first words, and the output says so', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `${['conference', 'motion', 'the', 'of', 'vote', 'whip', 'amendment'][i % 7]}${i % 3 === 0 ? i : ''}`);
    const result = delegate(['search', words.join(' ')]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Searched only the first 12 meaningful words of 2,000; the rest were left out.');
  });

  test('--jsonl: each result says which words it has and lacks, and how the query was read', () => {
    const result = delegate(['search', 'speaker', 'called', 'for', 'holding', 'up', 'a', 'baby', '--jsonl', '--limit', '2']);
    const [first, second] = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ id: 'stuffed-parrots', missing: [], command: 'delegate read stuffed-parrots', search: { relaxed: true, corrected: false } });
    expect((second!.missing as string[]).length).toBeGreaterThan(0);
    expect(result.stderr).toContain('Question words left out: for, a.');
  });

  test.each([
    [['"card', 'vote'], 'a quote is opened but never closed'],
    [['card', 'OR'], 'OR needs a word to look for on each side'],
    [['--', '-emergency'], 'give at least one word to look for'],
    [['*'], '"*" goes at the end'],
  ])('a malformed query %j gets a plain message and exit 2, never an SQLite error', (args, message) => {
    const result = delegate(['search', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/sqlite|fts5|syntax error|at .*\.js/i);
  });

  test('no query and no terminal: a usage error saying what to type', () => {
    const result = delegate(['search']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give the words to search for');
  });
});

describe('the index follows the notes', () => {
  const editor = () => {
    const script = join(sandbox.home, 'editor.sh');
    writeFileSync(script, '#!/bin/sh\nsed -i "s/walrus/pelican/" "$1"\n', { mode: 0o755 });
    return script;
  };

  test('added, edited and removed notes are found, changed and gone at the next search', () => {
    expect(delegate(['search', 'walrus']).code).toBe(1);
    expect(run(['notes', 'add', 'Zoo'], { env: env(), input: 'A walrus spoke at conference.\n' }).code).toBe(0);
    expect(hitIds(delegate(['search', 'walrus']).stdout)).toEqual(['zoo']);

    expect(delegate(['notes', 'edit', 'zoo'], { EDITOR: editor() }).code).toBe(0);
    expect(delegate(['search', 'walrus']).code).toBe(1);
    expect(hitIds(delegate(['search', 'pelican']).stdout)).toEqual(['zoo']);

    expect(delegate(['notes', 'rm', 'zoo']).code).toBe(0);
    expect(delegate(['search', 'pelican']).code).toBe(1);
  });

  test('garbage in the index file: a notice on stderr, the right results on stdout', () => {
    expect(delegate(['search', 'card', 'vote']).code).toBe(0);
    writeFileSync(indexFile(), Buffer.alloc(8192, 0x5a));
    const result = delegate(['search', 'refrence', 'back']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^notice: the search index .*search\.db could not be used \(file is not a database\), so it was rebuilt\n$/);
    expect(hitIds(result.stdout)[0]).toBe('reference-back');
    expect(delegate(['search', 'card', 'vote']).stderr).toBe('');
  });

  // Another delegate command holds the index's write lock (a second connection here, as a
  // second search would): the search must wait for it, say so, and answer once it is free.
  const WAITING = 'notice: waiting for another delegate command to finish updating the search index\n';

  /** A search run in the background; `stderrShows` resolves once its stderr holds `text` (or it ended). */
  function searchInBackground(args: string[]) {
    const child = spawn(process.execPath, [bin, 'search', ...args], { env: { ...process.env, ...env(), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let seen: (() => void) | undefined;
    let want = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (want && stderr.includes(want)) seen?.();
    });
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
    return {
      stderrShows: (text: string) =>
        Promise.race([
          new Promise<void>((resolve) => {
            want = text;
            seen = resolve;
            if (stderr.includes(text)) resolve();
          }),
          done.then((result) => {
            throw new Error(`the search ended before it waited: exit ${result.code}\n${result.stderr}`);
          }),
        ]),
      done,
    };
  }

  test('a new index locked by another connection: the search waits, then answers', async () => {
    for (let i = 0; i < 5; i++) writeFileSync(join(notes, `note-${i}.md`), `# Note ${i}\n\nquorum ${'text '.repeat(50)}\n`);
    // As when two searches start on an empty cache: the other holds a lock on the new, empty file,
    // and making it an index (switching it to WAL) answers SQLITE_BUSY at once, with no wait of SQLite's own.
    mkdirSync(join(sandbox.home, 'cache', 'delegate'), { recursive: true });
    const other = openDatabase(indexFile(), { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    const search = searchInBackground(['quorum', '--limit', '10']);
    try {
      await search.stderrShows(WAITING);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const result = await search.done;
    expect([result.code, result.stderr]).toEqual([0, WAITING]);
    expect(hitIds(result.stdout)).toHaveLength(5);
    expect(delegate(['search', 'quorum', '--limit', '10']).stdout).toBe(result.stdout);
  });

  test('an index another connection is writing to: a search with a changed note waits, then finds it', async () => {
    expect(delegate(['search', 'card', 'vote']).code).toBe(0);
    writeFileSync(join(notes, 'fresh.md'), '# Fresh note\n\nwritten while the index was locked: quorum\n');
    const other = openDatabase(indexFile(), { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    const search = searchInBackground(['quorum']);
    try {
      await search.stderrShows(WAITING);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const result = await search.done;
    expect([result.code, result.stderr]).toEqual([0, WAITING]);
    expect(hitIds(result.stdout)).toEqual(['fresh']);
  });

  test('an index another connection will not let go of: a plain message saying so, exit 1', () => {
    expect(delegate(['search', 'card', 'vote']).code).toBe(0);
    // The index kept in the older journal mode (a reader's lock blocks a commit), held by a reader
    // that does not finish: the search updating it for a new note cannot commit, and gives up.
    const other = openDatabase(indexFile(), { timeout: 0 });
    try {
      other.exec('PRAGMA journal_mode = DELETE');
      writeFileSync(join(notes, 'fresh.md'), '# Fresh note\n\nquorum\n');
      other.exec('BEGIN');
      expect(other.prepare('SELECT count(*) FROM docs').value()).toBeGreaterThan(0); // the reader's lock is taken
      const result = delegate(['search', 'quorum']);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: 'delegate: another delegate command is still updating the search index\nTry again in a moment.\n',
      });
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
    // Once it lets go, the same search answers.
    expect(hitIds(delegate(['search', 'quorum']).stdout)).toEqual(['fresh']);
  });

  test('a note that cannot be read is named on stderr; the search still answers', () => {
    writeFileSync(join(notes, 'broken.md'), '---\ntitle: [unclosed\n---\nquorum\n');
    const result = delegate(['search', 'card', 'vote']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: ${join(notes, 'broken.md')}:3: Flow sequence`);
    expect(result.stderr).toContain('(the page is skipped; fix the file to see it)');
  });

  test('escape sequences in a note are shown as symbols, never sent to the terminal', () => {
    writeFileSync(join(notes, 'hostile.md'), '---\ntitle: "Evil \\u001b]0;pwned\\u0007 title"\n---\n\nquorum \u001b[2J\u001b]0;owned\u0007 text\n');
    for (const args of [['search', 'quorum'], ['--color', 'always', 'search', 'quorum']]) {
      const result = delegate(args);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/\u001b\]|\u001b\[2J|\u0007/);
      expect(result.stdout).toContain('␛]0;owned␇');
    }
  });
});

describe('search as you type (in a terminal)', () => {
  test('results follow the keys, and Enter opens the page chosen', async () => {
    const term = Terminal.delegate(['search'], { env: env() });
    await term.waitFor('Search the handbook and your notes');
    term.write('refrence back');
    await term.waitFor(/Reference back\s+\(reference-back\)/);
    expect(term.text()).toContain('Showing results for reference back');
    term.skip();
    term.write(keys.enter);
    await term.waitFor('A reference back asks conference to send a report');
    expect(await term.exited).toBe(0);
  });

  test('a word still being typed is searched as the start of a word, beside a misspelled one, or misspelled itself', async () => {
    for (const [typed, shown, said] of [
      ['compositi', '(compositing)', undefined],
      ['refrence ba', /Reference back\s+\(reference-back\)/, undefined],
      // Longer than the stem the index keeps ("refer"): the prefix alone would find nothing.
      ['referen', /Reference back\s+\(reference-back\)/, undefined],
      ['refrenc', /Reference back\s+\(reference-back\)/, 'Showing results for referenc* (nothing for "refrenc")'],
    ] as const) {
      const term = Terminal.delegate(['search'], { env: env() });
      await term.waitFor('Search the handbook and your notes');
      term.write(typed);
      // The frame drawn once the last key is read: the hit, and what was searched instead.
      const frame = await term.waitFor(shown);
      expect(frame).toMatch(shown);
      if (said) expect(term.text()).toContain(said);
      term.close();
    }
  });

  test('Ctrl-C leaves quietly with 130', async () => {
    const term = Terminal.delegate(['search'], { env: env() });
    await term.waitFor('Search the handbook and your notes');
    term.write('card');
    await term.waitFor('(card-votes)');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
    expect(term.text()).not.toMatch(/Error|at .*\.js/);
  });
});

describe('words and options on the search command line', () => {
  test('a single-dash word is a word to leave out, not an option', () => {
    const all = delegate(['search', 'card', 'vote', '--json']);
    const without = delegate(['search', 'card', 'vote', '-reference', '--json']);
    expect(without.code).toBe(0);
    const ids = (out: string) => (JSON.parse(out) as { results: Array<{ id: string }> }).results.map((r) => r.id);
    expect(ids(all.stdout)).toContain('reference-back');
    expect(ids(without.stdout)).not.toContain('reference-back');
  });

  test('a mistyped --option is still a usage error', () => {
    const result = delegate(['search', '--limt', '3', 'card']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--limt'");
  });
});
