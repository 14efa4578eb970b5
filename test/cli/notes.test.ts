import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempHome } from '../helpers/fixtures.js';
import { run } from '../helpers/run.js';
import { closeTerminals, Terminal } from '../helpers/terminal.js';

const ESC = '\u001b';
let sandbox: ReturnType<typeof tempHome>;
let notes: string;
beforeEach(() => {
  sandbox = tempHome();
  notes = join(sandbox.home, 'data', 'delegate', 'notes'); // the default: $XDG_DATA_HOME/delegate/notes
});
afterEach(() => {
  closeTerminals();
  sandbox.cleanup();
});

const delegate = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  run(args, { env: { ...sandbox.env, ...options.env }, ...(options.input !== undefined ? { input: options.input } : {}) });

/** An editor that appends `text` to the file it is given, as a delegate typing would. */
function editorAppending(text: string): string {
  const script = join(sandbox.home, `editor-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' '${text.replace(/'/g, "'\\''")}' >> "$1"\n`, { mode: 0o755 });
  return script;
}

const files = (dir = notes) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('delegate notes add', () => {
  test('in a terminal: the editor opens on a new note with front matter; what is written there is saved', async () => {
    const term = Terminal.delegate(['notes', 'add', 'Economy', 'composite', '--tag', 'economy'], { env: { ...sandbox.env, EDITOR: editorAppending('Keep the words on public ownership.') } });
    try {
      expect(await term.exited).toBe(0);
    } finally {
      term.close();
    }
    expect(term.text()).toContain(`Saved "Economy composite" as economy-composite: ${join(notes, 'economy-composite.md')}`);
    expect(files()).toEqual(['economy-composite.md']);
    const text = readFileSync(join(notes, 'economy-composite.md'), 'utf8');
    expect(text).toMatch(/^---\nid: economy-composite\ntitle: "Economy composite"\ntags: \[economy\]\ncreated: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n---\n\nKeep the words on public ownership.\n$/);
  });

  test('in a terminal: a note left empty in the editor is not saved, and no draft is left behind', async () => {
    const term = Terminal.delegate(['notes', 'add', 'Nothing'], { env: { ...sandbox.env, EDITOR: 'true' } });
    try {
      expect(await term.exited).toBe(1);
    } finally {
      term.close();
    }
    expect(term.text()).toContain('delegate: the note is empty, so it was not saved');
    expect(files()).toEqual([]);
  });

  test('in a terminal: an editor that fails keeps the text in the draft and says where', async () => {
    const script = join(sandbox.home, 'crash.sh');
    writeFileSync(script, '#!/bin/sh\necho "half a note" >> "$1"\nexit 3\n', { mode: 0o755 });
    const term = Terminal.delegate(['notes', 'add', 'Half'], { env: { ...sandbox.env, EDITOR: script } });
    try {
      expect(await term.exited).toBe(1);
    } finally {
      term.close();
    }
    expect(term.text()).toContain('exited with code 3');
    const draft = files().find((f) => f.startsWith('.draft-half-'));
    expect(draft).toBeDefined();
    expect(term.text().replace(/\n/g, '')).toContain(join(notes, draft!));
    expect(readFileSync(join(notes, draft!), 'utf8')).toContain('half a note');
    expect(delegate(['notes', 'list']).stdout).toBe(''); // a draft is not a note
  });

  test('from standard input: the body is read from it; the title from the arguments or the first heading', () => {
    const first = delegate(['notes', 'add', 'Housing motion'], { input: 'Conference notes the housing crisis.\n' });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`Saved "Housing motion" as housing-motion: ${join(notes, 'housing-motion.md')}\n`);
    expect(readFileSync(join(notes, 'housing-motion.md'), 'utf8')).toContain('\n---\n\nConference notes the housing crisis.\n');

    expect(delegate(['notes', 'add'], { input: '# Card vote tally\n\n60/40 on the housing composite.\n' }).stdout).toContain('as card-vote-tally');
  });

  test('an empty standard input saves nothing and exits 1', () => {
    const result = delegate(['notes', 'add', 'Empty'], { input: '\n \n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the note is empty, so it was not saved');
    expect(result.stderr).toContain('pbpaste | delegate notes add');
    expect(files()).toEqual([]);
  });

  test('hostile titles stay inside the notes folder', () => {
    for (const title of ['../../etc/passwd', '/tmp/x', '..', 'CON', 'a\u001b[31m\u0007b', 'x'.repeat(5000)]) {
      expect(delegate(['notes', 'add', title], { input: 'body\n' }).code).toBe(0);
    }
    expect(files()).toEqual(['a-31m-b.md', 'con-page.md', 'etc-passwd.md', 'note.md', 'tmp-x.md', `${'x'.repeat(80)}.md`]);
    expect(readdirSync(dirname(notes))).toEqual(['notes']);
    const shown = delegate(['notes', 'show', '../../etc/passwd']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('../../etc/passwd');
    expect(shown.stdout).not.toContain('root:');
  });

  test('a notes folder that is not a folder: a plain message, exit 1, no stack trace', () => {
    const file = join(sandbox.home, 'not-a-folder');
    writeFileSync(file, 'x');
    const source = join(sandbox.home, 'source.md');
    writeFileSync(source, 'A note to import.\n');
    for (const args of [['notes', 'add', 'T'], ['notes', 'import', source]]) {
      const result = delegate(args, { env: { DELEGATE_NOTES_DIR: file }, input: 'body\n' });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^delegate: cannot write to your notes folder .*not-a-folder \((EEXIST|ENOTDIR)\)\nCheck that it is a folder/);
      expect(result.stderr).not.toContain('    at ');
    }
  });

  test('DELEGATE_NOTES_DIR moves the notes folder', () => {
    const elsewhere = join(sandbox.home, 'delegation-repo');
    expect(delegate(['notes', 'add', 'Shared'], { env: { DELEGATE_NOTES_DIR: elsewhere }, input: 'For the whole delegation.\n' }).code).toBe(0);
    expect(files(elsewhere)).toEqual(['shared.md']);
    expect(files()).toEqual([]);
  });
});

describe('list, show, edit, rm', () => {
  beforeEach(() => {
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'economy.md'), '---\nid: economy\ntitle: "Economy composite"\ntags: [economy, composite]\ncreated: "2025-09-28T10:00:00Z"\n---\n\nKeep public ownership.\n');
    writeFileSync(join(notes, 'housing.md'), '---\nid: housing\ntitle: "Housing \\u001b]0;pwned\\u0007 motion"\ntags: [housing]\ncreated: "2025-09-29T09:00:00Z"\n---\n\nText \u001b[2J with escapes.\n');
  });

  test('list: newest first, tab-separated in a pipe; --tag filters; --json gives the metadata', () => {
    const lines = delegate(['notes', 'list']).stdout.trimEnd().split('\n');
    expect(lines).toEqual(['housing\t2025-09-29T09:00:00Z\tHousing ␛]0;pwned␇ motion\thousing', 'economy\t2025-09-28T10:00:00Z\tEconomy composite\teconomy,composite']);
    expect(delegate(['notes', 'list', '--tag', 'Economy']).stdout).toMatch(/^economy\t/);
    const json = JSON.parse(delegate(['notes', 'list', '--json']).stdout) as Array<{ id: string; title: string; file: string; body?: string }>;
    expect(json.map((n) => n.id)).toEqual(['housing', 'economy']);
    expect(json[0]!.title).toBe('Housing \u001b]0;pwned\u0007 motion');
    expect(json[0]!.body).toBeUndefined();
  });

  test('show: the note rendered like a page, escape sequences neutralised', () => {
    const result = delegate(['notes', 'show', 'housing']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Housing ␛]0;pwned␇ motion');
    expect(result.stdout).toContain('Text ␛[2J with escapes.');
    expect(result.stdout).not.toContain(ESC);
  });

  test('edit: opens the editor on the note file; the change is saved; an unknown note is refused', () => {
    const result = delegate(['notes', 'edit', 'economy'], { env: { EDITOR: editorAppending('Second thought: and energy.') } });
    expect(result).toMatchObject({ code: 0, stdout: `Saved economy: ${join(notes, 'economy.md')}\n` });
    expect(readFileSync(join(notes, 'economy.md'), 'utf8')).toMatch(/Keep public ownership.\nSecond thought: and energy.\n$/);
    expect(delegate(['notes', 'edit', 'economy'], { env: { EDITOR: 'true' } }).stdout).toBe('No changes to economy.\n');
    const missing = delegate(['notes', 'edit', 'econmy'], { env: { EDITOR: 'true' } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no note called "econmy"');
    expect(missing.stderr).toContain('delegate notes edit economy');
  });

  test('edit that breaks the front matter: saved, but the delegate is told it is hidden until fixed', () => {
    const script = join(sandbox.home, 'break.sh');
    writeFileSync(script, '#!/bin/sh\nsed -i "s/^tags: .*/tags: [unclosed/" "$1"\n', { mode: 0o755 });
    const result = delegate(['notes', 'edit', 'economy'], { env: { EDITOR: script } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the note was saved, but its front matter cannot be read');
    expect(result.stderr).toContain('delegate notes edit economy');
    // It can still be reached by its file name to fix it.
    const fix = join(sandbox.home, 'fix.sh');
    writeFileSync(fix, '#!/bin/sh\nsed -i "s/^tags: .*/tags: [fixed]/" "$1"\n', { mode: 0o755 });
    expect(delegate(['notes', 'edit', 'economy'], { env: { EDITOR: fix } }).code).toBe(0);
    expect(delegate(['notes', 'list', '--tag', 'fixed']).stdout).toMatch(/^economy\t/);
  });

  test('rm: moved to the trash folder, recoverable, gone from the list', () => {
    const result = delegate(['notes', 'rm', 'economy']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Moved "Economy composite" (economy) to the trash: ${join(notes, '.trash', 'economy.md')}`);
    expect(result.stdout).toContain('To bring it back: mv');
    expect(files()).toEqual(['.trash', 'housing.md']);
    expect(readFileSync(join(notes, '.trash', 'economy.md'), 'utf8')).toContain('Keep public ownership.');
    expect(delegate(['notes', 'list']).stdout).not.toContain('economy');
    expect(delegate(['notes', 'rm', 'economy']).code).toBe(1);
  });

  test('rm when the trash cannot be made (a file named .trash is in the way): a plain error, and the note stays', () => {
    writeFileSync(join(notes, '.trash'), 'a file of the delegate\'s own\n');
    const result = delegate(['notes', 'rm', 'economy']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `delegate: cannot write to ${join(notes, '.trash')} in your notes folder: it is a file, where delegate keeps a folder (EEXIST)\nRename or move that file, then run the command again.\n`,
    });
    expect(files()).toEqual(['.trash', 'economy.md', 'housing.md']);
    expect(readFileSync(join(notes, '.trash'), 'utf8')).toBe('a file of the delegate\'s own\n');
    expect(delegate(['notes', 'show', 'economy']).stdout).toContain('Keep public ownership.');
  });

  test('a handbook page is not a note: notes show/rm do not reach it', () => {
    const result = delegate(['notes', 'rm', 'reference-back']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no note called "reference-back"');
  });
});

describe('delegate notes import', () => {
  test('brings in .md and .txt files with front matter and safe names, overwriting nothing', () => {
    const source = join(sandbox.home, 'docs');
    mkdirSync(join(source, 'day two'), { recursive: true });
    writeFileSync(join(source, 'Economy Composite.txt'), 'Conference notes the crisis.\n');
    writeFileSync(join(source, 'day two', 'housing.md'), '# Housing\n\nText.\n');
    writeFileSync(join(source, 'empty.md'), '');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'housing.md'), 'mine already\n');

    const result = delegate(['notes', 'import', source]);
    expect(result.code).toBe(1); // one file was empty
    expect(result.stdout).toContain('Economy Composite.txt → economy-composite');
    expect(result.stdout).toContain('housing.md → housing-2');
    expect(result.stdout).toContain(`Imported 2 files into ${notes}.`);
    expect(result.stderr).toContain(`skipped: ${join(source, 'empty.md')} is empty`);
    expect(readFileSync(join(notes, 'housing.md'), 'utf8')).toBe('mine already\n');
    expect(readFileSync(join(notes, 'economy-composite.md'), 'utf8')).toMatch(/^---\nid: economy-composite\ntitle: "Economy Composite"\n/);

    // Imported again unchanged: found, not copied. Changed since: a new note beside the first.
    const again = delegate(['notes', 'import', source]);
    expect(again.code).toBe(1); // the empty file, still
    expect(again.stdout).toContain(`already: ${join(source, 'Economy Composite.txt')} → economy-composite`);
    expect(again.stdout).toContain(`already: ${join(source, 'day two', 'housing.md')} → housing-2`);
    expect(again.stdout).toContain('2 files were already in your notes, unchanged since an earlier import.');
    expect(again.stdout).not.toContain('Imported');
    expect(readdirSync(notes).sort()).toEqual(['economy-composite.md', 'housing-2.md', 'housing.md']);
    writeFileSync(join(source, 'Economy Composite.txt'), 'Conference notes the crisis deepens.\n');
    const changed = delegate(['notes', 'import', join(source, 'Economy Composite.txt')]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('→ economy-composite-2');
  });
});

describe('the page size limit (2 MiB)', () => {
  test('notes add refuses a note over the limit, saying the limit, and saves nothing', () => {
    const result = delegate(['notes', 'add', 'Huge'], { input: 'word '.repeat(500 * 1024) }); // 2.5 MiB
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('over the 2 MiB a page may be, so it was not saved');
    expect(files()).toEqual([]);
    // Just under the limit is saved, and every command then shows it.
    const under = delegate(['notes', 'add', 'Big'], { input: 'word '.repeat(400 * 1024) });
    expect(under.code).toBe(0);
    expect(delegate(['notes', 'list']).stdout).toContain('Big');
  });

  test('notes show of a file skipped for its size says so, not "fix its front matter"', () => {
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'huge.md'), `---\ntitle: Huge\n---\n\n${'word '.repeat(600 * 1024)}`);
    const result = delegate(['notes', 'show', 'huge']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/huge\.md is 3\d\d\d KiB, over the 2 MiB a page may be, so it is skipped/);
    expect(result.stderr).not.toContain('front matter');
  });
});

describe('a file name holding a newline', () => {
  test('never splits the one-line-per-page output of list and notes list', () => {
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'bad\nname.md'), 'Body text only, so the title comes from the file name.\n');
    writeFileSync(join(notes, 'tab\there.md'), '---\ntitle: "with\\ta tab"\n---\n\nBody.\n');
    for (const args of [['list'], ['notes', 'list']]) {
      const result = delegate(args);
      expect(result.code).toBe(0);
      // Every line is a whole record: three tab-separated fields for list, four for notes list.
      for (const line of result.stdout.replace(/\n$/, '').split('\n')) expect(line.split('\t')).toHaveLength(args[0] === 'list' ? 3 : 4);
      expect(result.stdout).toMatch(/bad␤name/);
      expect(result.stdout).toMatch(/with␉a tab/);
    }
    const term = Terminal.delegate(['notes', 'list'], { env: sandbox.env });
    return term.exited.then((code) => {
      expect(code).toBe(0);
      expect(term.text()).toMatch(/^bad-name\s+\S*\s+bad␤name$/m);
    });
  });
});
