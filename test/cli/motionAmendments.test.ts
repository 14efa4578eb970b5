import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spacingAside } from '../../src/motion/paragraphs.js';
import { useTempHome } from '../helpers/fixtures.js';
import { repoRoot, run } from '../helpers/run.js';

const ESC = '\u001b';
const fixtures = join(repoRoot, 'test', 'fixtures', 'amendments');
const fixture = (name: string) => join(fixtures, name);

const sandbox = useTempHome();

const delegate = (args: string[], input?: string) => run(args, { env: sandbox.env, ...(input !== undefined ? { input } : {}) });
const file = (name: string, content: string) => {
  const path = join(sandbox.home, name);
  writeFileSync(path, content);
  return path;
};

describe('delegate motion apply', () => {
  test('prints the motion as amended, title included; exit 0', () => {
    const result = delegate(['motion', 'apply', fixture('bus-motion.txt'), fixture('bus-amendments.txt')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(readFileSync(fixture('bus-amended.txt'), 'utf8'));
  });

  test('several amendment files apply in order, each to the motion as the one before left it', () => {
    const first = file('first.txt', 'Delete "fifteen pounds" and insert "sixteen pounds".\n');
    const second = file('second.txt', 'In point 1, after "sixteen pounds" insert "rising with prices"\n');
    const result = delegate(['motion', 'apply', fixture('care-motion.txt'), first, second]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1. Set a minimum wage of sixteen pounds rising with prices an hour for care workers.');
    // The other way round, the second finds nothing to follow.
    expect(delegate(['motion', 'apply', fixture('care-motion.txt'), second, first]).code).toBe(1);
  });

  test('--marked: [+ +] and [- -] when plain; highlighted, without the brackets, in colour', () => {
    const plain = delegate(['motion', 'apply', fixture('bus-motion.txt'), fixture('bus-amendments.txt'), '--marked']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('every region[+, and fares have risen faster than wages+] since 2010');
    expect(plain.stdout).toContain('ii. Restore the bus routes cut since 2010[-, starting with the villages that lost their last bus-].');
    expect(plain.stdout).toContain('[-Conference further resolves to campaign with bus workers and passengers for these demands.-]');
    expect(plain.stdout).not.toContain(ESC);
    const colour = delegate(['--color', 'always', 'motion', 'apply', fixture('bus-motion.txt'), fixture('bus-amendments.txt'), '--marked']);
    expect(colour.stdout).toContain(ESC);
    expect(colour.stdout).not.toContain('[+');
  });

  test('--json: each instruction, where it applied, its line, and the result', () => {
    const result = delegate(['motion', 'apply', fixture('bus-motion.txt'), fixture('bus-amendments.txt'), '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.amendments.map((a: { name: string }) => a.name)).toEqual(['Amendment 1 – Example Transport Union', 'Amendment 2 – Riverside CLP']);
    expect(json.instructions[0]).toEqual({
      amendment: 'Amendment 1 – Example Transport Union',
      instruction: 'Paragraph 1, line 1, after \u201cregion\u201d insert \u201c, and fares have risen faster than wages\u201d',
      where: 'paragraph 1',
      line: 1,
      result: expect.stringContaining('every region, and fares have risen faster than wages since 2010'),
    });
    expect(json.instructions[3]).toMatchObject({ instruction: 'Delete paragraph 4', where: 'paragraph 4', result: null });
    expect(json.text).toBe(readFileSync(fixture('bus-amended.txt'), 'utf8'));
  });

  test('the motion from standard input', () => {
    const result = delegate(['motion', 'apply', '-', fixture('forms/delete-paragraph.txt')], readFileSync(fixture('care-motion.txt'), 'utf8'));
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Conference instructs');
  });

  test('an instruction that cannot be applied: named, why, the closest passage; exit 1 and nothing on stdout', () => {
    const amendment = file('wrong.txt', 'Amendment 1 – Example Care Union\nDelete paragraph 4.\nIn paragraph 3, delete "fiveteen pounds" and insert "sixteen pounds".\n');
    const result = delegate(['motion', 'apply', fixture('care-motion.txt'), amendment]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `delegate: Amendment 1 – Example Care Union (${amendment}, line 3): "In paragraph 3, delete "fiveteen pounds" and insert "sixteen pounds"" cannot be applied: the words "fiveteen pounds" are not in paragraph 3.\n` +
        'The closest passage is "fifteen pounds" (paragraph 3, point 1, line 6).\n' +
        'Nothing was applied. Correct the amendment (quote the motion word for word) and run this again.\n',
    );
  });

  test('twice in the motion, paragraph 7 of 4, an unreadable instruction: exit 1, nothing on stdout', () => {
    const twice = delegate(['motion', 'apply', fixture('care-motion.txt'), file('a.txt', 'Delete "next".')]);
    expect(twice.code).toBe(1);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toContain('occur 2 times in the motion (paragraph 3, line 5; paragraph 4, line 9), and nothing says which');
    const seven = delegate(['motion', 'apply', fixture('care-motion.txt'), file('b.txt', 'Delete paragraph 7.')]);
    expect(seven.stderr).toContain('there is no paragraph 7: the motion has 4 paragraphs as it stands');
    const unreadable = delegate(['motion', 'apply', fixture('care-motion.txt'), file('c.txt', 'Delete paragraph 1.\nSwap "care" for "work".\n')]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toBe('');
    expect(unreadable.stderr).toMatch(/^delegate: .*c\.txt, line 2: cannot read "Swap "care" for "work"\.": this is not an instruction delegate can read\nWrite each instruction in a form delegate reads/);
    const empty = delegate(['motion', 'apply', fixture('care-motion.txt'), file('d.txt', 'Amendment 1 – Unison\n\nMoved: Unison\n')]);
    expect(empty.stderr).toContain('has no instructions in it');
  });

  test('a file of several motions is refused: amendments work on one', () => {
    const result = delegate(['motion', 'apply', join(repoRoot, 'test', 'fixtures', 'motions', 'housing-cac.md'), fixture('forms/delete-paragraph.txt')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('holds 5 motions');
  });
});

describe('delegate motion amendment', () => {
  test('writes the amendment; applied to the original it gives the edited text back', () => {
    const edited = file(
      'edited.txt',
      readFileSync(fixture('care-motion.txt'), 'utf8')
        .replace('supermarket staff', 'shop workers')
        .replace('Conference believes that care is skilled work, and that care workers should be paid for every\nhour they work.', 'Conference believes that care workers must be paid for the whole of their working day.')
        .replace('3. End zero-hours contracts in care.\n', '3. End zero-hours contracts in care.\n4. Give care workers sick pay from the first day.\n')
        .replace(" to next year's conference.", " to next year's conference, and to publish what it finds."),
    );
    const result = delegate(['motion', 'amendment', '--from', fixture('care-motion.txt'), '--to', edited]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'Amendment to the motion "Care workers deserve better"',
        '',
        'In paragraph 1, delete "supermarket staff" and insert "shop workers"',
        'In paragraph 2, delete "Conference believes that care is skilled work, and that care workers should be paid for every hour they work." and insert "Conference believes that care workers must be paid for the whole of their working day."',
        'In paragraph 3, insert new point 4: "Give care workers sick pay from the first day."',
        'In paragraph 4, after "year\'s conference" insert ", and to publish what it finds"',
        '',
      ].join('\n'),
    );
    const amendment = file('amendment.txt', result.stdout);
    const applied = delegate(['motion', 'apply', fixture('care-motion.txt'), amendment]);
    expect(applied.code).toBe(0);
    expect(spacingAside(applied.stdout)).toBe(spacingAside(readFileSync(edited, 'utf8')));
  });

  test('--json: each instruction as data and as text', () => {
    const result = delegate(['motion', 'amendment', '--from', fixture('bus-motion.txt'), '--to', fixture('bus-amended.txt'), '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.instructions[0]).toEqual({ written: 'In paragraph 1, after "region" insert ", and fares have risen faster than wages"', op: 'insertAt', where: { paragraph: 1 }, side: 'after', anchor: 'region', text: ', and fares have risen faster than wages' });
    expect(json.instructions.map((i: { op: string }) => i.op)).toEqual(['insertAt', 'delete', 'insertPoint', 'insertPoint', 'deleteParagraph']);
    expect(json.text).toMatch(/^Amendment to the motion "Buses for every village"\n\n/);
  });

  test('two texts the same (spacing aside): nothing to amend, exit 1', () => {
    const same = file('same.txt', readFileSync(fixture('care-motion.txt'), 'utf8').replace(/\n(?=\S)/g, ' \n'));
    const result = delegate(['motion', 'amendment', '--from', fixture('care-motion.txt'), '--to', same]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('there is nothing to amend');
  });
});

describe('delegate motion composite', () => {
  const cac = join(repoRoot, 'test', 'fixtures', 'motions', 'housing-cac.md');

  test('a first draft in Markdown: title, common ground, demands marked, the ones to argue for, length, motions', () => {
    const result = delegate(['motion', 'composite', cac]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const headings = result.stdout.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(['# Draft composite: Council homes, not waiting lists', '## Common ground', '## Demands', '## Demands only one motion makes', '## Length', '## The motions']);
    expect(result.stdout).toContain('1. Build at least 150,000 council homes a year, with secure tenancies and rents linked to local incomes. [M1, M2, M3, M5]');
    expect(result.stdout).toContain('starting point');
  });

  test('--json, and one motion is not enough (exit 2)', () => {
    const json = JSON.parse(delegate(['motion', 'composite', cac, '--json']).stdout);
    expect(json.motions).toHaveLength(5);
    expect(json.limit).toEqual({ words: 250, from: 'CAC criteria 2010 and 2011; 2019 guidance' });
    const one = delegate(['motion', 'composite', fixture('care-motion.txt')]);
    expect(one.code).toBe(2);
    expect(one.stdout).toBe('');
  });
});

test('motion --help lists the new commands; apply --help lists the forms', () => {
  const help = delegate(['motion', '--help']);
  for (const word of ['apply', 'amendment', 'composite']) expect(help.stdout).toContain(word);
  const apply = delegate(['motion', 'apply', '--help']);
  expect(apply.stdout).toContain('Delete from "A" to "B"');
  expect(apply.stdout).toContain('as the ones before it left it');
});

test('jsdiff is not in the core nor in the motion island: only the island `motion amendment` reads has it', () => {
  const core = readFileSync(join(repoRoot, 'dist', 'cli.cjs'), 'latin1');
  const motion = readFileSync(join(repoRoot, 'dist', 'islands', 'motion.cjs'), 'latin1');
  const island = readFileSync(join(repoRoot, 'dist', 'islands', 'wordDiff.cjs'), 'latin1');
  // A message of jsdiff's own (names are minified in the bundles).
  const jsdiff = "doesn't start with prefix";
  expect(island).toContain(jsdiff);
  expect(core).not.toContain(jsdiff);
  expect(motion).not.toContain(jsdiff);
  expect(motion).toContain('require("./wordDiff.cjs")');
});

test('the motion workbench is an island: the core sends every motion command to it, and holds none of its text', () => {
  const core = readFileSync(join(repoRoot, 'dist', 'cli.cjs'), 'latin1');
  const motion = readFileSync(join(repoRoot, 'dist', 'islands', 'motion.cjs'), 'latin1');
  // A message of the amendment reader's own (src/motion/parseAmendment.ts).
  const own = 'quote the words';
  expect(motion).toContain(own);
  expect(core).not.toContain(own);
  expect(core).toContain('require("./islands/motion.cjs")');
});
