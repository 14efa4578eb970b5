import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempHome } from '../helpers/fixtures.js';
import { bin, repoRoot, run } from '../helpers/run.js';

const ESC = '\u001b';
const sandbox = useTempHome();

const delegate = (args: string[], env: Record<string, string> = {}, input?: string) =>
  run(args, { env: { ...sandbox.env, ...env }, ...(input !== undefined ? { input } : {}) });

describe('delegate --version and --help', () => {
  test('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = delegate(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  test('help lists the commands with examples', () => {
    const result = delegate(['--help']);
    expect(result.code).toBe(0);
    for (const word of ['list', 'read', 'cheatsheet', 'paths', 'completion', 'Examples:']) expect(result.stdout).toContain(word);
    expect(delegate(['read', '--help']).stdout).toContain('delegate read reference-back');
  });

  // Only the command named is defined for a run (src/program.ts): what needs them all must
  // still find them all.
  test('a mistyped command is a usage error that suggests the right one', () => {
    const result = delegate(['motoin', 'compare']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "motoin"');
    expect(result.stderr).toContain('Did you mean: delegate motion');
  });

  test('the completion script knows every command and subcommand', () => {
    // Run in bash: what Tab offers after each group, words only (options left out).
    const script = delegate(['completion', 'bash']).stdout;
    const offered = (...typed: string[]) => {
      const probe = `${script}\nCOMP_WORDS=(delegate ${typed.join(' ')} ''); COMP_CWORD=${typed.length + 1}; _delegate_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const result = spawnSync('bash', ['-c', probe], { encoding: 'utf8', env: { ...process.env, ...sandbox.env } });
      expect(result).toMatchObject({ status: 0, stderr: '' });
      return result.stdout.split('\n').filter((word) => word && !word.startsWith('-'));
    };
    expect(offered()).toEqual(['list', 'read', 'cheatsheet', 'paths', 'completion', 'search', 'notes', 'checklist', 'motion']);
    expect(offered('notes')).toEqual(['add', 'edit', 'list', 'show', 'rm', 'import']);
    expect(offered('checklist')).toEqual(['list', 'status', 'edit']);
    expect(offered('motion')).toEqual(['list', 'check', 'compare', 'keep', 'apply', 'amendment', 'composite']);
    expect(offered('--width', '60', 'motion')).toEqual(offered('motion'));
  });

  test('delegate help and delegate help <command> show the same help as --help', () => {
    const help = delegate(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(delegate(['--help']).stdout);
    const read = delegate(['help', 'read']);
    expect(read.code).toBe(0);
    expect(read.stdout).toBe(delegate(['read', '--help']).stdout);
  });

  test('every command and subcommand has examples in its help', () => {
    const commands = [
      ['list'], ['read'], ['cheatsheet'], ['paths'], ['completion'], ['search'],
      ['notes'], ['notes', 'add'], ['notes', 'edit'], ['notes', 'list'], ['notes', 'show'], ['notes', 'rm'], ['notes', 'import'],
      ['checklist'], ['checklist', 'list'], ['checklist', 'status'], ['checklist', 'edit'],
      ['motion'], ['motion', 'list'], ['motion', 'check'], ['motion', 'compare'], ['motion', 'keep'], ['motion', 'apply'], ['motion', 'amendment'], ['motion', 'composite'],
    ];
    // The list above is every command help names: a new one must be added here to pass.
    for (const group of [[], ['notes'], ['checklist'], ['motion']]) {
      const section = delegate([...group, '--help']).stdout.split('Commands:')[1]?.split('\n\n')[0] ?? '';
      for (const name of [...section.matchAll(/^  (\w+)/gm)].map((m) => m[1]!)) {
        if (name !== 'help') expect(commands.map((c) => c.join(' '))).toContain([...group, name].join(' '));
      }
    }
    for (const args of commands) expect(`${args.join(' ')}: ${delegate([...args, '--help']).stdout}`).toContain('Examples:\n  delegate');
  });

  test('help for one command of a group lists the group', () => {
    const result = delegate(['motion', '--help']);
    expect(result.code).toBe(0);
    for (const word of ['check', 'compare', 'keep']) expect(result.stdout).toContain(word);
  });

  test('with no command and no terminal: an overview and the help, exit 0', () => {
    const result = delegate([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('handbook for conference delegates');
    expect(result.stdout).toContain('Usage: delegate');
  });
});

describe('delegate list', () => {
  test('piped: one page a line, id, kind and title separated by tabs, no colour', () => {
    const result = delegate(['list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(26);
    expect(lines[0]).toBe('read-every-motion\tlesson\tRead every motion in the CAC report');
    expect(result.stdout).not.toContain(ESC);
  });

  test('--kind and --tag filter, --json gives the metadata', () => {
    expect(delegate(['list', '--kind', 'lesson']).stdout.trimEnd().split('\n')).toHaveLength(7);
    const json = JSON.parse(delegate(['list', '--tag', 'compositing', '--json']).stdout) as Array<{ id: string; tags: string[]; body?: string }>;
    expect(json.length).toBeGreaterThanOrEqual(7);
    expect(json.every((p) => p.tags.includes('compositing') && p.body === undefined)).toBe(true);
  });

  test('an unknown kind is a usage error, exit 2', () => {
    const result = delegate(['list', '--kind', 'essay']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'essay' is invalid");
  });

  test('a closed pipe ends quietly', () => {
    // The pipeline's status is head's; delegate's own is written to stderr beside its output.
    const result = spawnSync('/bin/sh', ['-c', `{ "${process.execPath}" "${bin}" list; echo "delegate exited $?" >&2; } | head -1`], {
      encoding: 'utf8',
      env: { ...process.env, ...sandbox.env },
    });
    expect(result.stdout).toBe('read-every-motion\tlesson\tRead every motion in the CAC report\n');
    expect(result.stderr).toBe('delegate exited 0\n');
  });
});

describe('delegate read', () => {
  test('by id, as plain text when piped', () => {
    const result = delegate(['read', 'chair-not-neutral']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('The chair is not neutral');
    expect(result.stdout).toContain('WHAT HAPPENED');
    expect(result.stdout).toMatch(/Sources: .*conference blog/);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toMatch(/^## /m);
  });

  test.each(['speaking', 'mandates', 'arriving', 'npf', 'fringe', 'in-government'])('the first-timer page %s opens by its exact id', (id) => {
    const json = JSON.parse(delegate(['read', id, '--json']).stdout) as { id: string; title: string };
    expect(json.id).toBe(id);
    const result = delegate(['read', id]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(json.title);
    expect(result.stdout).toMatch(/CAC\s+report/);
  });

  test('by words of the title', () => {
    const byWords = delegate(['read', 'card', 'votes']);
    expect(byWords.code).toBe(0);
    expect(byWords.stdout.split('\n')[0]).toBe('Voting and card votes');
    expect(byWords.stdout).toBe(delegate(['read', 'card-votes']).stdout);
    expect(delegate(['read', 'chair', 'is', 'not', 'neutral']).stdout.split('\n')[0]).toBe('The chair is not neutral');
  });

  test('wraps at --width', () => {
    const result = delegate(['read', 'reference-back', '--width', '40']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Reference back');
    // Only a single piece of a link that cannot be broken (no "/" left in it) may be longer.
    const measured = lines.filter((l) => /\s/.test(l.trim()));
    expect(measured.length).toBeGreaterThan(10);
    expect(Math.max(...measured.map((l) => l.length))).toBeLessThanOrEqual(40);
    // Wrapped, not cut: the same text as at a wide width, only the spacing differs.
    const squeezed = (text: string) => text.replace(/\s+/g, '');
    expect(squeezed(result.stdout)).toBe(squeezed(delegate(['read', 'reference-back', '--width', '100']).stdout));
  });

  test('--markdown prints the source with its front matter, --json the page', () => {
    const md = delegate(['read', 'reference-back', '--markdown']).stdout;
    expect(md).toMatch(/^---\nid: reference-back\ntitle: "Reference back"\nkind: procedure\n/);
    expect(md).toMatch(/^## /m);
    const json = JSON.parse(delegate(['read', 'reference-back', '--json']).stdout) as { id: string; body: string; sources: string[] };
    expect(json.id).toBe('reference-back');
    expect(md.split('\n---\n').slice(1).join('\n---\n').trim()).toBe(json.body.trim());
  });

  test('read --markdown saved in the notes folder is the same page again (a delegation\'s own version)', () => {
    const notes = join(sandbox.home, 'data', 'delegate', 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'card-votes.md'), delegate(['read', 'card-votes', '--markdown']).stdout);
    const bundled = JSON.parse(delegate(['read', 'card-votes', '--json'], { DELEGATE_NOTES_DIR: join(sandbox.home, 'elsewhere') }).stdout) as Record<string, unknown>;
    const own = JSON.parse(delegate(['read', 'card-votes', '--json']).stdout) as Record<string, unknown>;
    expect(own.origin).toBe('personal');
    for (const key of ['id', 'title', 'kind', 'tags', 'summary', 'sources']) expect([key, own[key]]).toEqual([key, bundled[key]]);
    expect(String(own.body).trim()).toBe(String(bundled.body).trim());
  });

  test('--color always styles the page even in a pipe; NO_COLOR does not override --color always', () => {
    expect(delegate(['read', 'reference-back', '--color', 'always']).stdout).toContain(`${ESC}[`);
    expect(delegate(['read', 'reference-back'], { FORCE_COLOR: '1' }).stdout).toContain(`${ESC}[`);
    expect(delegate(['read', 'reference-back'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(ESC);
  });

  test('--section and --line show one section, as search numbers the lines', () => {
    const section = delegate(['read', 'compositing', '--section', 'who chairs']);
    expect(section.code).toBe(0);
    expect(section.stdout).toContain('WHO CHAIRS THE COMPOSITING MEETING');
    expect(section.stdout).not.toMatch(/^WHO ATTENDS/m);
    const source = readFileSync(join(repoRoot, 'content', 'procedure', 'card-votes.md'), 'utf8').split('\n');
    const headingLine = source.findIndex((l) => l.startsWith('## ')) + 1;
    const atLine = delegate(['read', 'card-votes', '--line', String(headingLine + 1), '--markdown']);
    expect(atLine.stdout.split('\n---\n')[1]!.split('\n')[1]).toBe(source[headingLine - 1]);
    const missing = delegate(['read', 'card-votes', '--section', 'flying pigs']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^delegate: card-votes has no section called "flying pigs"\nIts sections:\n/);
    const beyond = delegate(['read', 'card-votes', '--line', '99999']);
    expect(beyond.code).toBe(1);
    expect(beyond.stderr).toMatch(/^delegate: card-votes has no section at line 99999\nIts sections:\n/);
  });

    test('an unknown page exits 1 with the closest ids, and no stack trace', () => {
    const result = delegate(['read', 'refrence-back']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no page called "refrence-back"');
    expect(result.stderr).toContain('delegate read reference-back');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('DELEGATE_DEBUG=1 shows the stack of an expected error', () => {
    expect(delegate(['read', 'nothing-like-it'], { DELEGATE_DEBUG: '1' }).stderr).toMatch(/\n\s+at /);
  });
});

describe('content paths', () => {
  test('a personal page replaces the bundled page with the same id; DELEGATE_PATH comes last', () => {
    const notes = join(sandbox.home, 'notes');
    const extra = join(sandbox.home, 'delegation');
    mkdirSync(notes, { recursive: true });
    mkdirSync(extra, { recursive: true });
    writeFileSync(join(notes, 'card-votes.md'), '---\nid: card-votes\ntitle: Our card vote rules\nkind: procedure\n---\nOurs.\n');
    writeFileSync(join(extra, 'delegation.md'), '---\ntitle: Delegation briefing\ntags: [ours]\n---\nMeet at 8.\n');
    const env = { DELEGATE_NOTES_DIR: notes, DELEGATE_PATH: extra };
    expect(delegate(['read', 'card-votes'], env).stdout.split('\n')[0]).toBe('Our card vote rules');
    expect(delegate(['list', '--tag', 'ours'], env).stdout).toBe('delegation\tnote\tDelegation briefing\n');
    writeFileSync(join(extra, 'card-votes.md'), '---\nid: card-votes\ntitle: The delegation wins\nkind: procedure\n---\nX\n');
    expect(delegate(['read', 'card-votes'], env).stdout.split('\n')[0]).toBe('The delegation wins');
  });

  test('a malformed personal page warns with file and line; every other page still works', () => {
    const notes = join(sandbox.home, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'broken.md'), '---\ntitle: ok\ntags: [unclosed\n---\nBody\n');
    writeFileSync(join(notes, 'fine.md'), '---\ntitle: Fine note\n---\nBody\n');
    const result = delegate(['list'], { DELEGATE_NOTES_DIR: notes });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/broken\.md:\d+: /);
    expect(result.stdout).toContain('fine\tnote\tFine note');
    expect(result.stdout).toContain('reference-back\tprocedure');
  });

  test('terminal escape sequences in a page are neutralised in every output', () => {
    const notes = join(sandbox.home, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'evil.md'), `---\ntitle: "Evil ${'\\u001b'}]0;pwned${'\\u0007'} note"\n---\nBody ${ESC}[2J${ESC}]8;;http://x${ESC}\\ link and a \u009b31m C1.\n`);
    const env = { DELEGATE_NOTES_DIR: notes };
    for (const args of [['read', 'evil'], ['read', 'evil', '--markdown'], ['read', 'evil', '--color', 'always'], ['list']]) {
      const result = delegate(args, env);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/\u001b\]|\u001b\[2J|\u009b|\u0007/);
    }
    expect(delegate(['read', 'evil'], env).stdout).toContain('␛[2J');
  });
});

describe('delegate cheatsheet', () => {
  test('plain text when piped, every section present', () => {
    const result = delegate(['cheatsheet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CONFERENCE PROCEDURE CHEAT SHEET');
    expect(result.stdout).toContain('REFERENCE BACK');
    expect(result.stdout).not.toContain(ESC);
  });

  test('--section picks sections by heading words; an unknown one lists them, exit 1', () => {
    const result = delegate(['cheatsheet', '--section', 'reference', '--format', 'markdown']);
    expect(result.stdout.match(/^## /gm)).toHaveLength(1);
    expect(result.stdout).toMatch(/^## .*Reference back/im);
    const missing = delegate(['cheatsheet', '--section', 'flying pigs']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Sections:');
  });

  test('Markdown and text carry the date the content was checked and every source', () => {
    const page = readFileSync(join(repoRoot, 'content', 'cheatsheet.md'), 'utf8');
    const checked = /^checked: (\d{4}-\d{2}-\d{2})$/m.exec(page)?.[1];
    expect(checked).toBeDefined();
    const sources = [...page.matchAll(/^  - "(.*)"$/gm)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(5);
    for (const format of ['markdown', 'text']) {
      const out = delegate(['cheatsheet', '--format', format]).stdout.replace(/\s+/g, ' ');
      expect(out).toContain(`Content checked ${checked}`);
      expect(out).toMatch(/Sources:/);
      // A long address is broken only after a "/": join it again to find it.
      for (const source of sources) expect(out.replace(/\/\s+/g, '/')).toContain(source.replace(/\s+/g, ' ').replace(/\/\s+/g, '/'));
    }
    // A section on its own keeps its sources, and still holds only the section asked for.
    const section = delegate(['cheatsheet', '--section', 'card votes', '--format', 'markdown']).stdout;
    expect(section.match(/^## /gm)).toHaveLength(1);
    expect(section).toContain(`- ${sources[0]}`);
  });

  test('the printed date is when the content was checked, not the day it was printed', () => {
    const extra = join(sandbox.home, 'delegation');
    mkdirSync(extra, { recursive: true });
    const sheet = ['---', 'id: cheatsheet', 'title: Our sheet', 'kind: cheatsheet', 'summary: Our own sheet.', 'checked: 2019-05-01', 'sources:', '  - "Our CLP, 2019"', '---', '', '## Votes', '', '- Hands up.', ''].join('\n');
    writeFileSync(join(extra, 'cheatsheet.md'), sheet);
    const file = join(sandbox.home, 'sheet.html');
    expect(delegate(['cheatsheet', '--format', 'html', '--output', file], { DELEGATE_PATH: extra }).code).toBe(0);
    const header = /<header>[\s\S]*?<\/header>/.exec(readFileSync(file, 'utf8'))?.[0];
    expect(header).toContain('Content checked 2019-05-01');
    expect(header).not.toContain(new Date().toISOString().slice(0, 10));
    expect(delegate(['cheatsheet', '--format', 'text'], { DELEGATE_PATH: extra }).stdout).toContain('Content checked 2019-05-01');
  });

  test('--format html --output writes one self-contained A4 page', () => {
    const file = join(sandbox.home, 'sheet.html');
    const result = delegate(['cheatsheet', '--format', 'html', '--output', file]);
    expect(result.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page { size: A4');
    expect(html).not.toMatch(/<link |<script|src=/);
    expect(html).toContain('<h2>');
  });
});

describe('paths and completion', () => {
  test('paths follow XDG and DELEGATE_NOTES_DIR', () => {
    const json = JSON.parse(delegate(['paths', '--json']).stdout) as Record<string, string>;
    expect(json.notes).toBe(join(sandbox.env.XDG_DATA_HOME!, 'delegate', 'notes'));
    expect(json.cache).toBe(join(sandbox.env.XDG_CACHE_HOME!, 'delegate'));
    expect(json.bundled).toMatch(/content$/);
  });

  test('a DELEGATE_PATH folder that does not exist or is not a folder: paths says so, and commands warn once on stderr', () => {
    const file = join(sandbox.home, 'a-file');
    writeFileSync(file, 'not a folder');
    const good = join(sandbox.home, 'good');
    mkdirSync(good);
    const env = { DELEGATE_PATH: [join(sandbox.home, 'missing'), file, good].join(':') };
    expect(delegate(['paths'], env).stdout).toContain(`path\t${join(sandbox.home, 'missing')}\tdoes not exist\npath\t${file}\tis not a folder\npath\t${good}\n`);
    const json = JSON.parse(delegate(['paths', '--json'], env).stdout) as { problems: Array<{ dir: string; problem: string }> };
    expect(json.problems).toEqual([
      { dir: join(sandbox.home, 'missing'), problem: 'does not exist' },
      { dir: file, problem: 'is not a folder' },
    ]);
    for (const args of [['list'], ['read', 'cac'], ['checklist', 'list']]) {
      const result = delegate(args, env);
      expect(result.code).toBe(0);
      expect(result.stderr.split('\n').filter((l) => l.includes('missing does not exist'))).toEqual([
        `warning: DELEGATE_PATH folder ${join(sandbox.home, 'missing')} does not exist; its pages are left out (see: delegate paths)`,
      ]);
      expect(result.stderr).toContain(`warning: DELEGATE_PATH folder ${file} is not a folder`);
      expect(result.stderr).not.toContain(good);
    }
  });

  test('completion scripts name the commands and complete page ids', () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const result = delegate(['completion', shell]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('cheatsheet');
      expect(result.stdout).toContain('delegate list');
    }
    expect(delegate(['completion', 'tcsh'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining("error: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish."),
    });
  });

  test('the bash script completes commands and page ids in a real bash', () => {
    const script = delegate(['completion', 'bash']).stdout;
    const probe = `${script}\ndelegate() { "${process.execPath}" "${bin}" "$@"; }\nCOMP_WORDS=(delegate read chair); COMP_CWORD=2; _delegate_complete; echo "\${COMPREPLY[@]}"\nCOMP_WORDS=(delegate che); COMP_CWORD=1; _delegate_complete; echo "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['-c', probe], { encoding: 'utf8', env: { ...process.env, ...sandbox.env } });
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['chair-not-neutral', 'cheatsheet checklist']);
  });
});

describe('the rendered-page cache', () => {
  test('a page edited in place is shown as edited, even at the same size', () => {
    const notes = join(sandbox.home, 'notes');
    mkdirSync(notes);
    const file = join(notes, 'hotel.md');
    writeFileSync(file, '---\ntitle: Hotel\n---\nThe room is booked for Friday.\n');
    const env = { DELEGATE_NOTES_DIR: notes };
    expect(delegate(['read', 'hotel'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('The room is booked for Friday.') });
    // Same length, same path: only the file's stamp (its time) tells the two apart.
    writeFileSync(file, '---\ntitle: Hotel\n---\nThe room is booked for Monday.\n');
    utimesSync(file, new Date(), new Date(Date.now() + 10000));
    const edited = delegate(['read', 'hotel'], env);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('The room is booked for Monday.');
    expect(edited.stdout).not.toContain('Friday');
  });

  test('each --width gets its own rendering', () => {
    // The sources' web addresses are never broken, so they are left out of the measure.
    const widest = (stdout: string) => Math.max(...stdout.split('\n').filter((l) => !/\S+\.\S+\/\S+/.test(l) && !/^\s*\S+\/$/.test(l)).map((l) => l.length)); // a link piece with no / inside is left whole
    const narrow = delegate(['read', 'reference-back', '--width', '40']);
    const wide = delegate(['read', 'reference-back', '--width', '100']);
    expect(narrow.code).toBe(0);
    expect(wide.code).toBe(0);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(40);
    expect(widest(wide.stdout)).toBeGreaterThan(60);
    expect(delegate(['read', 'reference-back', '--width', '40']).stdout).toBe(narrow.stdout);
  });
});

describe('bad input', () => {
  test('an unknown command exits 2 with a suggestion', () => {
    const result = delegate(['lsit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('delegate list');
  });

  test('an unknown option exits 2 with usage', () => {
    const result = delegate(['list', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });

  test('a bad --width exits 2, saying what it takes', () => {
    expect(delegate(['read', 'cac', '--width', 'wide'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining("error: option '--width <n>' argument 'wide' is invalid. Give a whole number from 20 to 1000."),
    });
  });
});

describe('files that are not pages', () => {
  test('a link to a device or a pipe in the notes folder is skipped, never read forever', () => {
    const notes = join(sandbox.home, 'notes');
    mkdirSync(notes, { recursive: true });
    symlinkSync('/dev/zero', join(notes, 'zero.md'));
    spawnSync('mkfifo', [join(notes, 'pipe-target')]);
    symlinkSync(join(notes, 'pipe-target'), join(notes, 'pipe.md'));
    const result = delegate(['list'], { DELEGATE_NOTES_DIR: notes });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/zero\.md: skipped: not a regular file/);
    expect(result.stderr).toMatch(/pipe\.md: skipped: not a regular file/);
    expect(result.stdout).toContain('reference-back\tprocedure');
  });
});
