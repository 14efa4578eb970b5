import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempHome } from '../helpers/fixtures.js';
import { repoRoot, run } from '../helpers/run.js';

const ESC = '\u001b';
const fixtures = join(repoRoot, 'test', 'fixtures', 'motions');
const fixture = (name: string) => join(fixtures, name);

const sandbox = useTempHome();

const delegate = (args: string[], input?: string) => run(args, { env: sandbox.env, ...(input !== undefined ? { input } : {}) });
/** A file in the sandbox with the given bytes. */
const file = (name: string, content: string | Uint8Array) => {
  const path = join(sandbox.home, name);
  writeFileSync(path, content);
  return path;
};

describe('delegate motion check', () => {
  test('a good motion: each check with its status, what is counted and the rule year; exit 0', () => {
    const result = delegate(['--width', '120', 'motion', 'check', fixture('housing/anytown.txt')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ {2}pass {2}Length +127 words; the limit is 250\.$/m);
    expect(result.stdout).toContain('Counted: the words below the title');
    expect(result.stdout).toContain('(CAC criteria 2010 and 2011; 2019 guidance)');
    expect(result.stdout).toMatch(/^ {2}ask {3}Contemporary +Is it contemporary\?$/m);
    expect(result.stdout).toMatch(/^ {2}ask {3}Deadline +Will it meet the deadline\?$/m);
    expect(result.stdout).toContain('Passes.');
    expect(result.stdout).not.toContain(ESC);
  });

  test('a motion over the limit: the report, then a failure on stderr and exit 1', () => {
    const result = delegate(['motion', 'check', fixture('too-long.txt')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}fail {2}Length +281 words, 31 over the limit of 250\.$/m);
    expect(result.stdout).toContain('Fails 1 check: length.');
    expect(result.stderr).toBe('delegate: the motion fails 1 check: 281 words, 31 over the limit of 250\n');
  });

  test('--limit changes the limit and says so', () => {
    const result = delegate(['motion', 'check', fixture('too-long.txt'), '--limit', '300']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Limit: 300 words, set with --limit');
    const lots = delegate(['motion', 'check', fixture('too-long.txt'), '--limit', 'lots']);
    expect(lots.code).toBe(2);
    expect(lots.stderr).toContain("error: option '--limit <words>' argument 'lots' is invalid. Give a whole number, 1 or more.");
  });

  test('reads standard input for -, and warns of two subjects', () => {
    const result = delegate(['motion', 'check', '-'], readFileSync(fixture('two-subjects.txt'), 'utf8'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Motion check: standard input');
    expect(result.stdout).toMatch(/^ {2}warn {2}Subject +It may be about 2 subjects/m);
  });

  test('--json: the checks as data, and still exit 1 on a failure', () => {
    const result = delegate(['motion', 'check', fixture('too-long.txt'), '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      file: fixture('too-long.txt'),
      title: 'Council homes, not waiting lists',
      words: { count: 281, limit: 250, limitFrom: 'CAC criteria 2010 and 2011; 2019 guidance' },
      result: 'fail',
      failures: 1,
    });
    expect(json.checks.map((c: { id: string; status: string }) => `${c.id}:${c.status}`)).toEqual([
      'length:fail',
      'title:pass',
      'subject:pass',
      'structure:pass',
      'contemporary:ask',
      'deadline:ask',
    ]);
  });

  test('escape codes in a motion are shown, not obeyed', () => {
    const result = delegate(['motion', 'check', file('evil.txt', `Fair rents${ESC}]0;pwned\u0007\n\nConference notes ${ESC}[2J things.`)]);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain('Fair rents␛]0;pwned␇');
  });
});

describe('bad input', () => {
  test('an empty file', () => {
    const result = delegate(['motion', 'check', file('empty.txt', '')]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^delegate: .*empty\.txt is empty\n/);
  });

  test('empty standard input', () => {
    expect(delegate(['motion', 'check', '-'], '')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^delegate: standard input is empty\n/) });
  });

  test('a binary file', () => {
    const result = delegate(['motion', 'check', file('motion.bin', Uint8Array.from([0x43, 0x6f, 0, 0x01, 0xff]))]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/motion\.bin is a binary file, not text \(it has a NUL byte at byte 3\)\nCopy the motion into a plain text file/);
  });

  test('a truncated Word document', () => {
    const result = delegate(['motion', 'compare', file('a.docx', Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0])), fixture('housing/anytown.txt')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/a\.docx is a damaged Word document: it cannot be read/);
  });

  test('text that is not UTF-8', () => {
    const result = delegate(['motion', 'check', file('latin1.txt', Buffer.from('Fair rents\n\nConference notes the caf\u00e9 closed.', 'latin1'))]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/latin1\.txt is not UTF-8 text: line 3 has a byte \(0xE9\) that UTF-8 does not allow\n.*Save it as UTF-8/);
  });

  test('a 10 MB file is refused without being read as a motion', () => {
    const result = delegate(['motion', 'check', file('big.txt', 'council homes now '.repeat(600_000))]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/big\.txt is 10\.3 MB: far too long for a motion/);
  });

  test('a missing file and a folder', () => {
    expect(delegate(['motion', 'check', join(sandbox.home, 'nope.txt')])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`delegate: no such file: ${join(sandbox.home, 'nope.txt')}\n`),
    });
    mkdirSync(join(sandbox.home, 'motions'));
    expect(delegate(['motion', 'keep', '--mine', join(sandbox.home, 'motions'), '--draft', fixture('draft-composite.txt')])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('motions is a folder, not a file'),
    });
  });

  test('a single motion given to compare is a usage error, exit 2', () => {
    const result = delegate(['motion', 'compare', fixture('housing/anytown.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'delegate: compare needs at least two motions; found one in anytown.txt\n' +
        'Give two or more files, or one file with a heading before each motion, such as "## Motion 1 – Anytown CLP".\n',
    );
  });

  test('standard input given twice', () => {
    const twice = delegate(['motion', 'keep', '--mine', '-', '--draft', '-']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('delegate: standard input (-) can be given only once\n');
  });
});

describe('delegate motion compare', () => {
  test('the grid marks identical and contained motions, then the common ground and the dividing lines', () => {
    const result = delegate(['motion', 'compare', fixture('housing-cac.md')]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('  M1  Anytown CLP: Council homes, not waiting lists (127 words)');
    expect(out).toMatch(/^ {2}M1 +· +100= +72> +4 +13$/m);
    expect(out).toMatch(/^ {2}M3 +72< +72< +· +5 +3$/m);
    expect(out).toContain('M1 and M2 are identical');
    expect(out).toContain("M3 is contained in M1: 100% of M3's phrases are in M1.");
    expect(out).toMatch(/M1 M2 M3 M4 \(11 words, part of 1\)\n +"Give councils the power to buy land at existing use value"/);
    expect(out).toMatch(/M4 Example Workers' Union\n +- Fund a national construction skills programme/);
    expect(out).toContain('M1, M2 and M3: every demand is also made by another motion.');
  });

  test('too many motions for the width: the most alike pairs instead of a grid', () => {
    const result = delegate(['--width', '30', 'motion', 'compare', fixture('housing-cac.md')]);
    expect(result.stdout).toContain('the most alike pairs');
    expect(result.stdout).toMatch(/^ {2}100% {2}M1 and M2 {2}identical$/m);
  });

  test('--json has the grid, the pairs, the passages and the unique demands', () => {
    const result = delegate(['motion', 'compare', fixture('housing/anytown.txt'), fixture('housing/riverside.txt'), '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['motions', 'matrix', 'pairs', 'sharedPassages', 'uniqueDemands']);
    expect(json.matrix).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(json.pairs).toEqual([{ a: 'M1', b: 'M2', similarity: 1, aInB: 1, bInA: 1, verdict: 'identical' }]);
    expect(json.motions[1]).toEqual({
      label: 'M2',
      name: 'Council homes, not waiting lists',
      source: fixture('housing/riverside.txt'),
      number: null,
      organisation: null,
      title: 'Council homes, not waiting lists',
      page: null,
      words: 127,
    });
  });
});

describe('delegate motion keep', () => {
  test('a draft that cut one resolve: the share kept, each resolve marked, the amendment ready; exit 0', () => {
    const result = delegate(['motion', 'keep', '--mine', fixture('housing/anytown.txt'), '--draft', fixture('draft-cut-one-resolve.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('55 of your 56 substantive words are in the draft (98%)');
    expect(result.stdout).toMatch(/^ {2}cut {6}End the right to buy for new council homes\.$/m);
    expect(result.stdout.match(/^ {2}kept /gm)).toHaveLength(3);
    expect(result.stdout).toContain('To propose back as an amendment\n  Add at the end of the resolves: "End the right to buy for new council homes."');
  });

  test('a draft of only "the": nothing kept, still exit 0', () => {
    const result = delegate(['motion', 'keep', '--mine', fixture('housing/anytown.txt'), '--draft', fixture('draft-only-the.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 of your 56 substantive words are in the draft (0%)');
    expect(result.stdout).toContain('0 kept, 0 changed, 4 cut');
  });

  test('--phrases and --json', () => {
    const result = delegate([
      'motion',
      'keep',
      '--mine',
      fixture('housing/anytown.txt'),
      '--draft',
      fixture('draft-composite.txt'),
      '--phrases',
      fixture('phrases.txt'),
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ phrasesFrom: 'phrases', amendment: 'Insert, where it fits: "end the right to buy"' });
    expect(json.phrases.map((p: { status: string }) => p.status)).toEqual(['kept', 'cut', 'kept']);
    expect(Object.keys(json.words)).toEqual(['mine', 'kept', 'share', 'cut']);
  });

  test('a phrases file with no phrases', () => {
    const result = delegate(['motion', 'keep', '--mine', fixture('housing/anytown.txt'), '--draft', fixture('draft-composite.txt'), '--phrases', file('p.txt', '\n- \n')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('p.txt has no phrases in it');
  });
});

const documents = join(repoRoot, 'test', 'fixtures', 'documents');
const document = (name: string) => join(documents, name);

describe('PDF and Word documents', () => {
  test('motion list: a CAC report PDF, its organisations, titles and pages, an amendment under its motion', () => {
    const result = delegate(['--width', '100', 'motion', 'list', document('cac-report.pdf')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^cac-report\.pdf: 5 motions, 1 amendment \(PDF\)$/m);
    expect(result.stdout).toMatch(/^ {2}M1 +1 +Anytown CLP +Warm homes for every tenant +\d+ +p\. 1$/m);
    expect(result.stdout).toMatch(/^ {2}M2 +2 +Riverside CLP +Fair rents and warm homes +\d+ +p\. 1\n +Amendment 2\.1 – Hilltop CLP \(\d+ words, p\. 1\)$/m);
    expect(result.stdout).toMatch(/^ {2}M4 +4 +Lakeside CLP +Empty homes into use +\d+ +p\. 2$/m);
    expect(result.stdout).not.toContain(documents);
  });

  test('motion list --json: the text as read, headers, footers and page numbers gone, hyphenated words joined', () => {
    const result = delegate(['motion', 'list', document('cac-report.pdf'), '--json']);
    const json = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(json.map((m) => m.organisation)).toEqual(['Anytown CLP', 'Riverside CLP', 'Example Bakers’ Union', 'Lakeside CLP', 'Westmoor CLP']);
    expect(json[0]).toMatchObject({ label: 'M1', file: document('cac-report.pdf'), format: 'pdf', number: '1', page: 1 });
    const check = delegate(['motion', 'check', document('cac-report.pdf'), '--pick', '1', '--json']);
    const one = JSON.parse(check.stdout);
    expect(one.parts.demands).toEqual([
      'Introduce a legally binding minimum energy efficiency standard for every rented home by 2030, enforced by properly funded councils.',
      'Give tenants the right to withhold rent into an independent account when urgent repairs are not carried out within fourteen days.',
      'Fund a national retrofit programme delivered by councils and accredited local contractors, paying the union rate for the job.',
    ]);
    expect(check.stdout).not.toMatch(/Conference Arrangements Committee Report|Page \d of|invented report/);
  });

  test('a union agenda in two columns: numbered titles, the organisation below, Congress motions', () => {
    const result = delegate(['motion', 'list', document('union-agenda-two-columns.pdf'), '--json']);
    const json = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(json.map((m) => [m.number, m.organisation, m.title, m.page])).toEqual([
      ['10', 'Example Union Eastern Region', 'Vulnerable and atypical workers', 1],
      ['11', 'Care Workers Section', 'Safe staffing in residential care', 1],
      ['12', 'Example Union Southern Region', 'Heat at work', 1],
      ['13', 'Example Union Transport Section', 'Community transport', 1],
      ['14', 'Example Union Cultural Workers Branch', 'Libraries and learning centres', 2],
    ]);
    expect(json[0]!.amendments).toEqual([expect.objectContaining({ number: '10.1', organisation: 'North West Branch' })]);
    const check = delegate(['motion', 'check', document('union-agenda-two-columns.pdf'), '--org', 'eastern']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('Read as a union conference motion: it speaks as "Congress".');
    expect(check.stdout).toMatch(/pass {2}Structure +Notes, believes and resolves, with 3 demands\./);
  });

  test('compare --pick across a PDF and a Word document, labelled by organisation', () => {
    const result = delegate(['motion', 'compare', document('cac-report.pdf'), document('cac-report.docx'), '--pick', '1,2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Comparing 4 motions');
    expect(result.stdout).toContain('  M1  Anytown CLP: Warm homes for every tenant');
    expect(result.stdout).toContain('  M3  Northbridge CLP: Libraries are for everyone');
    expect(result.stdout).toContain('  M4  Eastfield Branch: Music in every school');
  });

  test('a Word document: headings, numbered and bulleted lists, "Proposed by"', () => {
    const result = delegate(['motion', 'list', document('cac-report.docx'), '--json']);
    const json = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(json.map((m) => [m.number, m.organisation, m.title])).toEqual([
      ['1', 'Northbridge CLP', 'Libraries are for everyone'],
      ['2', 'Eastfield Branch', 'Music in every school'],
    ]);
    const check = JSON.parse(delegate(['motion', 'check', document('cac-report.docx'), '--org', 'eastfield', '--json']).stdout);
    expect(check.parts.demands).toEqual(['fund free instrument lessons for every pupil who wants them;', 'restore music as a subject every school must offer to GCSE.']);
    const model = delegate(['motion', 'check', document('branch-motion.docx')]);
    expect(model.stdout).toContain('Free school meals for every child');
    expect(model.stdout).toContain('Read as a model motion');
  });

  test('keep: your motion picked from a document', () => {
    const draft = file('draft.txt', 'Composite\n\nConference notes damp homes.\n\nConference resolves to:\n\n1. Introduce a legally binding minimum energy efficiency standard for every rented home by 2030, enforced by properly funded councils.\n');
    const result = delegate(['motion', 'keep', '--mine', document('cac-report.pdf'), '--org', 'Anytown', '--draft', draft]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('yours: cac-report.pdf: Motion 1 – Anytown CLP');
    expect(result.stdout).toMatch(/kept +Introduce a legally binding/);
    const several = delegate(['motion', 'keep', '--mine', document('cac-report.pdf'), '--draft', draft]);
    expect(several.code).toBe(1);
    expect(several.stderr).toMatch(/^delegate: cac-report\.pdf has 5 motions: which one is yours\?\nChoose it with --pick/);
  });

  test.each([
    ['scanned.pdf', 'scanned.pdf: this PDF has no text: was it scanned?', /text recognition \(OCR\)/],
    ['encrypted.pdf', 'encrypted.pdf is a PDF locked with a password', /save \(or print\) a copy without one/],
    ['damaged.pdf', 'damaged.pdf is a damaged PDF: it cannot be read', /Download it again/],
    ['not-word.docx', 'not-word.docx is a zip file, not a Word document (.docx)', /Give the Word document itself/],
  ])('%s: a clear message and exit 1, no stack trace', (name, message, hint) => {
    const result = delegate(['motion', 'list', document(name)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`delegate: ${document(name)}`);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(hint);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a file over the size limit says what the limits are', () => {
    const big = file('agenda.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024)]));
    const result = delegate(['motion', 'list', big]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('agenda.pdf is 21.0 MB: larger than the 20 MB limit for a PDF or Word file of motions');
    expect(result.stderr).toContain('text files of up to 1 MB, and PDF and Word files of up to 20 MB');
  });

  test('a long document with no motion heading: say so, and how to split it by hand', () => {
    const long = file('agenda.txt', `${'Conference notes that rents rose again this year. '.repeat(80)}\n`);
    const result = delegate(['motion', 'compare', long]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^delegate: no motion heading found in .*agenda\.txt: its 640 words read as one motion/);
    expect(result.stderr).toContain('Split it by hand: copy the motions into a text file with a line such as "Motion 1 – Anytown CLP"');
  });

  test('--pick of a number that is not there lists the numbers', () => {
    const result = delegate(['motion', 'compare', document('cac-report.pdf'), '--pick', '3,9']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'delegate: no motion numbered 9 in cac-report.pdf\nThe numbers found: 1, 2, 3, 4, 5. `delegate motion list` shows them; M1, M2 … pick by place in that list.\n',
    );
  });
});
