import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyAmendments, AmendmentNotApplied } from '../../src/motion/applyAmendment.js';
import { layoutMotion, layoutText, liveParagraphs, spacingAside } from '../../src/motion/paragraphs.js';
import { AmendmentSyntaxError, parseAmendments } from '../../src/motion/parseAmendment.js';
import { parseMotion } from '../../src/motion/parseMotion.js';
import { repoRoot } from '../helpers/run.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'amendments');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const care = read('care-motion.txt');

function apply(motion: string, ...amendments: string[]): string {
  const { layout } = applyAmendments(
    parseMotion(motion),
    amendments.flatMap((a, i) => parseAmendments(a, `amendment-${i + 1}.txt`)),
  );
  return layoutText(layout);
}

/** The message an amendment that cannot be applied gives. */
function problem(motion: string, amendment: string): string {
  try {
    apply(motion, amendment);
  } catch (error) {
    if (error instanceof AmendmentNotApplied) return `${error.message}${error.problem.closest ? ` | closest: "${error.problem.closest.text}" (${error.problem.closest.where})` : ''}`;
    if (error instanceof AmendmentSyntaxError) return `line ${error.line}: ${error.message}`;
    throw error;
  }
  throw new Error('the amendment applied');
}

describe('how paragraphs and points are counted', () => {
  test('the title is not a paragraph; a list belongs to the paragraph that leads into it, blank line or not', () => {
    const layout = layoutMotion(parseMotion(care));
    expect(layout.title?.pieces[0]?.text).toBe('Care workers deserve better');
    const paragraphs = liveParagraphs(layout);
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[2]!.list?.points).toHaveLength(3);
    expect(liveParagraphs(layoutMotion(parseMotion(read('bus-motion.txt'))))[2]!.list?.style.kind).toBe('roman');
    expect(liveParagraphs(layoutMotion(parseMotion(read('library-motion.txt'))))[1]!.list?.style.kind).toBe('bullet');
  });

  test('a list with no lead-in ending in a colon is a paragraph of its own', () => {
    const paragraphs = liveParagraphs(layoutMotion(parseMotion('Title\n\nConference notes this.\n\n1. One thing.\n2. Another.\n')));
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]!.lead).toBeNull();
  });
});

describe('every instruction form, as hand-written amendment files with their results', () => {
  const forms = readdirSync(join(fixtures, 'forms')).filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'));
  test.each(forms)('%s', (file) => {
    const motion = file.startsWith('bus-') ? 'bus-motion.txt' : file.startsWith('library-') ? 'library-motion.txt' : 'care-motion.txt';
    expect(apply(read(motion), read(`forms/${file}`))).toBe(read(`forms/${file.replace(/\.txt$/, '.expected.txt')}`));
  });

  test('the bus fixture: two amendments under headings, in curly quotes, applied in order', () => {
    expect(spacingAside(apply(read('bus-motion.txt'), read('bus-amendments.txt')))).toBe(spacingAside(read('bus-amended.txt')));
  });

  test('line numbers choose between equal matches, and are never needed otherwise', () => {
    expect(apply(care, 'Line 3, after "care workers" insert "in homes"')).toContain('and that care workers in homes should be paid');
    expect(apply(care, 'Line 7, after "care workers" insert "in homes"')).toContain('2. Pay care workers in homes for the time');
    // A wrong line number does not stop words that occur once.
    expect(apply(care, 'Line 9, delete "supermarket"')).toContain('paid less than staff,');
  });

  test('quoted words are whole words: "contract" is not found inside "contracts"', () => {
    const result = apply(care, 'Delete "zero-hours contract" and insert "zero-hours or agency contract"');
    expect(result).toContain('on a zero-hours or agency contract.');
    expect(result).toContain('3. End zero-hours contracts in care.');
  });

  test('later amendments address the motion as amended', () => {
    const result = apply(care, 'Delete paragraph 1.', 'Delete paragraph 1.');
    expect(result).not.toContain('Conference notes');
    expect(result).not.toContain('Conference believes');
    expect(result).toContain('Conference calls on');
  });

  test('renumbering follows the list style', () => {
    const result = apply(read('bus-motion.txt'), 'Delete point i. Insert new point iii: "Run night buses."');
    expect(result).toContain('i. Restore the bus routes');
    expect(result).toContain('ii. Cap single fares at two pounds across the country.\niii. Run night buses.\n');
  });
});

describe('an instruction that cannot be applied names itself and says why', () => {
  test('quoted words not in the motion: the closest passage is shown', () => {
    expect(problem(care, 'Delete "sixteen pounds" and insert "twenty pounds".')).toBe(
      'amendment-1.txt: "Delete "sixteen pounds" and insert "twenty pounds"" cannot be applied: the words "sixteen pounds" are not in the motion | closest: "fifteen pounds" (paragraph 3, point 1, line 6)',
    );
  });

  test('quoted words an earlier amendment took out: says so', () => {
    expect(problem(care, 'Amendment 1 – Care Union\nDelete "fifteen" and insert "sixteen".\nAmendment 2 – Hilltop CLP\nIn point 1, after "fifteen" insert "whole"')).toMatch(
      /^Amendment 2 – Hilltop CLP: .* the words "fifteen" are not in point 1 as it stands: they are in the motion as printed, so an earlier instruction changed them/,
    );
  });

  test('words that occur twice, and nothing says which', () => {
    expect(problem(care, 'Delete "next".')).toMatch(/the words "next" occur 2 times in the motion \(paragraph 3, line 5; paragraph 4, line 9\), and nothing says which/);
    // Two on the same line: the line number cannot choose.
    expect(problem(care, 'Line 3, delete "care"')).toMatch(/occur 7 times in the motion \(.*paragraph 2, line 3; paragraph 2, line 3;/);
  });

  test('paragraph 7 of a motion of 4; a point past the end; a new paragraph past the end', () => {
    expect(problem(care, 'Delete paragraph 7.')).toMatch(/there is no paragraph 7: the motion has 4 paragraphs as it stands \(the title is not counted\)$/);
    expect(problem(care, 'Delete point 5.')).toMatch(/there is no point 5 in paragraph 3: it has 3 points as it stands$/);
    expect(problem(care, 'Insert new paragraph 9: "More words."')).toMatch(/a new one can be paragraph 1 to 5/);
    expect(problem(care, 'In paragraph 2, delete point 1.')).toMatch(/paragraph 2 has no numbered points or bullets/);
  });

  test('"to" words that do not come after the "from" words', () => {
    expect(problem(care, 'In paragraph 1, delete from "one in four" to "supermarket"')).toMatch(/the words "supermarket" do not come after "one in four" in paragraph 1/);
  });

  test('points named where there are none, or in two lists', () => {
    expect(problem('Title\n\nConference notes this.\n\nConference resolves that.\n', 'Delete point 2.')).toMatch(/the motion has no numbered points or bullets/);
    expect(problem('Title\n\nWe call for:\n1. A.\n2. B.\n\nWe also call for:\n1. C.\n2. D.\n', 'Delete point 2.')).toMatch(/paragraphs 1 and 2 each have points, and nothing says which/);
    expect(problem('Title\n\nConference notes this.\n', 'Add at end of the resolves: "More."')).toMatch(/the motion has no resolves/);
  });

  test('instructions that cannot be read: which line, and what is missing', () => {
    expect(problem(care, 'Delete paragraph 4.\nParagraph 2, swap "care" for "work"')).toMatch(/^line 2: cannot read "Paragraph 2, swap "care" for "work"": this is not an instruction delegate can read$/);
    expect(problem(care, 'Delete "care workers and insert "staff"')).toMatch(/^line 1: .*replace .* with what|^line 1: cannot read/);
    expect(problem(care, 'After "care" insert')).toMatch(/^line 1: cannot read "After "care" insert": the words to put in are missing$/);
    expect(problem(care, 'Delete \u201cnext year\u2019s conference')).toMatch(/a quotation opened with \u201c is never closed/);
  });
});

describe('reading amendment files', () => {
  test('several amendments under headings, who moves them passed over', () => {
    const amendments = parseAmendments(read('forms/two-amendments-as-amended.txt'), 'two.txt');
    expect(amendments.map((a) => a.name)).toEqual(['Amendment 1 – Example Care Union', 'Amendment 2 – Hilltop CLP']);
    expect(amendments.map((a) => a.instructions.length)).toEqual([2, 2]);
    expect(amendments[1]!.instructions[0]!.line).toBe(7);
  });

  test('one amendment with no heading is named after its file; "Renumber accordingly" is understood', () => {
    const [amendment] = parseAmendments('Delete point 1. Renumber accordingly.\n', 'mine.txt');
    expect(amendment!.name).toBe('mine.txt');
    expect(amendment!.instructions.map((i) => i.instruction.op)).toEqual(['deletePoint']);
  });
});

test("the handbook's worked example (delegate read amendments) applies to the care motion as it says", () => {
  const page = readFileSync(join(repoRoot, 'content', 'procedure', 'amendments.md'), 'utf8');
  const example = /## A worked example with delegate[\s\S]*?```text\n([\s\S]*?)```/.exec(page)?.[1];
  expect(example).toBeDefined();
  const result = apply(care, example!);
  expect(result).toContain('1. Set a minimum wage of sixteen pounds an hour for care workers.');
  expect(result).toContain('4. Give care workers sick pay from the first day.');
});

test('instructions written as a numbered or bulleted list are read the same', () => {
  const listed = apply(care, '1. Delete paragraph 4.\n2. In point 1, delete "fifteen" and insert "sixteen".\n- Add at end of paragraph 2: "Care is skilled work."\n');
  expect(listed).toBe(apply(care, 'Delete paragraph 4.\nIn point 1, delete "fifteen" and insert "sixteen".\nAdd at end of paragraph 2: "Care is skilled work."\n'));
  expect(listed).toContain('1. Set a minimum wage of sixteen pounds');
});

test('"the words" before a quotation is read as the quotation', () => {
  expect(apply(care, "Delete the words 'fifteen pounds' and insert the words 'sixteen pounds'.\nAfter the word 'NEC' insert 'and the PLP'")).toBe(
    apply(care, "Delete 'fifteen pounds' and insert 'sixteen pounds'.\nAfter 'NEC' insert 'and the PLP'"),
  );
});

test('quotations inside quotations: straight round curly and curly round straight', () => {
  const motion = 'Title\n\nConference backs the "living wage" campaign and the \u201cfair pay\u201d pledge.\n';
  expect(apply(motion, 'Delete "the \u201cfair pay\u201d pledge" and insert "the pay pledge"')).toContain('campaign and the pay pledge.');
  expect(apply(motion, 'After \u201cthe "living wage"\u201d insert \u201cand \'decent hours\'\u201d')).toContain('the "living wage" and \'decent hours\' campaign');
});

test('"Leave out" deletes, "bullet point" names a point, and words below a colon are put in, as the README says', () => {
  const result = apply(care, 'Leave out "fifteen" and insert "sixteen".\nDelete bullet point 3 and in paragraph 4 delete "next "\nAdd new paragraph at end:\nConference thanks care workers\nfor all they do.\n');
  expect(result).toContain('minimum wage of sixteen pounds');
  expect(result).not.toContain('End zero-hours contracts in care.');
  expect(result).toMatch(/report back on these demands to year's conference\.\n\nConference thanks care workers for all they do\.\n$/);
});
