// What applying an amendment gives a delegate: the amended text, and for each instruction where
// it applied, the printed line and the paragraph as it then read (what `motion apply --json`
// lists); and when it cannot apply, why. The motion is invented for these tests.
import { applyAmendments, AmendmentNotApplied, endFor, occurrencesOf } from '../../src/motion/applyAmendment.js';
import { layoutMotion, layoutText } from '../../src/motion/paragraphs.js';
import { parseAmendments } from '../../src/motion/parseAmendment.js';
import { parseMotion } from '../../src/motion/parseMotion.js';

// Printed lines, counted below the title: 1 and 2 (paragraph 1), 3 (paragraph 2), 4 to 7
// (paragraph 3 and its points), 8 (paragraph 4).
const LIBRARIES = `Keep our libraries open

Conference notes that forty libraries have closed since 2016, and that
opening hours have been cut in many more.

Conference believes that a library is a public service, not a luxury.

Conference calls on Labour councils to:
1. Keep every library open at least five days a week.
2. Employ trained library staff.
3. Protect book funds from cuts.

Conference asks the NEC to publish a library plan.
`;

/** The motion laid out as it stands before any amendment. */
const UNAMENDED = layoutText(layoutMotion(parseMotion(LIBRARIES)));
const POINTS = 'Conference calls on Labour councils to:\n1. Keep every library open at least five days a week.\n2. Employ trained library staff.\n3. Protect book funds from cuts.';

function apply(amendment: string, motion = LIBRARIES) {
  const { layout, applied } = applyAmendments(parseMotion(motion), parseAmendments(amendment, 'amendment.txt'));
  return { text: layoutText(layout), applied: applied.map(({ where, line, result }) => ({ where, line, result })) };
}

/** Why an amendment cannot be applied, with the closest passage when one is given. */
function problem(amendment: string, motion = LIBRARIES): string {
  try {
    apply(amendment, motion);
  } catch (error) {
    if (!(error instanceof AmendmentNotApplied)) throw error;
    const closest = error.problem.closest;
    return `${error.problem.message}${closest ? ` | closest: "${closest.text}" (${closest.where})` : ''}`;
  }
  throw new Error('the amendment applied');
}

describe('quoted words are found as whole words, quotes and spacing aside', () => {
  test('curly and straight quotes, apostrophes and line breaks match each other', () => {
    expect(occurrencesOf('the \u201cfair\u201d deal', '"fair" deal')).toEqual([[4, 15]]);
    expect(occurrencesOf('the \u201efair\u201d deal', '"fair"')).toEqual([[4, 10]]);
    expect(occurrencesOf('next year\u2019s plan', "year's")).toEqual([[5, 11]]);
    expect(occurrencesOf('the \u2018plan\u2019 and the \u201bplan` too', "'plan'")).toEqual([[4, 10], [19, 25]]);
    expect(occurrencesOf('one  two\nthree', 'one two three')).toEqual([[0, 14]]);
    expect(occurrencesOf('one two three', ' two\tthree ')).toEqual([[4, 13]]);
  });

  test('a word is not found inside a longer one, at either end', () => {
    expect(occurrencesOf('contracts, a contract', 'contract')).toEqual([[13, 21]]);
    expect(occurrencesOf('subcontract contract', 'contract')).toEqual([[12, 20]]);
    expect(occurrencesOf('contract', 'contract')).toEqual([[0, 8]]);
    expect(occurrencesOf('care and care', 'care')).toEqual([[0, 4], [9, 13]]);
    // Quoted punctuation needs no word around it.
    expect(occurrencesOf('pay, and fees', ', and')).toEqual([[3, 8]]);
    expect(occurrencesOf('pay (in full)', '(in')).toEqual([[4, 7]]);
  });

  test('empty quoted words are found nowhere', () => {
    expect(occurrencesOf('some words', '   ')).toEqual([]);
  });
});

describe('words added at the end go before the closing full stop when they carry on the sentence', () => {
  test.each<[string, string, number]>([
    ['Cut fares.', 'and fees', 9],
    ['Cut fares;', ', and fees', 9],
    ['Cut fares.  ', 'and fees', 9],
    ['Cut fares.', 'Then more.', 10],
    ['Cut fares', 'and fees', 9],
    ['Cut fares.', '. And fees', 10],
    ['Cut fares:', 'and fees', 10],
  ])('%j + %j: at %d', (text, added, at) => {
    expect(endFor(text, added)).toBe(at);
  });
});

describe('each instruction: the text, where it applied, its printed line, and the paragraph as it then read', () => {
  test('words deleted in a paragraph, in a point, in the title', () => {
    expect(apply('In paragraph 1, delete "forty libraries"').applied).toEqual([
      { where: 'paragraph 1', line: 1, result: 'Conference notes that have closed since 2016, and that opening hours have been cut in many more.' },
    ]);
    expect(apply('Delete "every library"').applied).toEqual([{ where: 'paragraph 3, point 1', line: 5, result: POINTS.replace('every library open', 'open') }]);
    expect(apply('Delete "many more"').applied[0]!.line).toBe(2);
    const title = apply('In the title, delete "our "');
    expect(title.text).toMatch(/^Keep libraries open\n/);
    expect(title.applied).toEqual([{ where: 'the title', line: 0, result: 'Keep libraries open' }]);
  });

  test('a space goes with deleted words, and punctuation stays put', () => {
    expect(apply('Delete "the NEC"').text).toContain('Conference asks to publish a library plan.');
    expect(apply('Delete "cuts"').text).toContain('3. Protect book funds from.');
    expect(apply('Delete "Conference asks"').text).toContain('\n\nthe NEC to publish');
  });

  test('deleted words take one space with them: the one before, or after at the start or after a bracket', () => {
    const motion = 'Title\n\nOne two, three (four five) six; stop! Now? Yes: go.\n';
    const after = (words: string) => apply(`Delete "${words}"`, motion).text.split('\n')[2];
    expect(after('two')).toBe('One, three (four five) six; stop! Now? Yes: go.');
    expect(after('One')).toBe('two, three (four five) six; stop! Now? Yes: go.');
    expect(after('four')).toBe('One two, three (five) six; stop! Now? Yes: go.');
    expect(after('five')).toBe('One two, three (four) six; stop! Now? Yes: go.');
    expect(after('six')).toBe('One two, three (four five); stop! Now? Yes: go.');
    expect(after('stop')).toBe('One two, three (four five) six;! Now? Yes: go.');
    expect(after('Now')).toBe('One two, three (four five) six; stop!? Yes: go.');
    expect(after('Yes')).toBe('One two, three (four five) six; stop! Now?: go.');
    expect(after('go')).toBe('One two, three (four five) six; stop! Now? Yes:.');
    expect(apply('Delete "two-way"', 'Title\n\nA two-way street.\n').text).toContain('A street.');
    // Followed by a hyphen: the words go, the spaces stay.
    expect(apply('Delete "two"', 'Title\n\nA two-way street.\n').text).toContain('A -way street.');
    expect(apply('Delete "end"', 'Title\n\nThe end\n').text).toContain('\nThe\n');
  });

  test('words inserted, with spaces where words would run together', () => {
    expect(apply('Before "forty" insert "at least"').applied).toEqual([
      { where: 'paragraph 1', line: 1, result: 'Conference notes that at least forty libraries have closed since 2016, and that opening hours have been cut in many more.' },
    ]);
    expect(apply('After "2016" insert "(the year of the cuts)"').text).toContain('since 2016 (the year of the cuts), and that');
    expect(apply('Delete "forty" and insert "(forty)"').text).toContain('notes that (forty) libraries');
    expect(apply('After "staff" insert ", paid fairly"').applied).toEqual([{ where: 'paragraph 3, point 2', line: 6, result: POINTS.replace('staff.', 'staff, paid fairly.') }]);
    // After an opening bracket: no space before the words, one after.
    expect(apply('After "(" insert "paid"', 'Title\n\nPay (in full) now.\n').text).toContain('Pay (paid in full) now.');
  });

  test('a point emptied of its words is gone, and the rest renumbered', () => {
    const { text, applied } = apply('Delete "Employ trained library staff."');
    expect(text).toContain('1. Keep every library open at least five days a week.\n2. Protect book funds from cuts.\n');
    expect(applied).toEqual([{ where: 'paragraph 3, point 2', line: 6, result: POINTS.replace('2. Employ trained library staff.\n3.', '2.') }]);
  });

  test('a passage deleted, from words to words or to the end', () => {
    expect(apply('Delete from "forty" to "many more"').applied).toEqual([{ where: 'paragraph 1', line: 1, result: 'Conference notes that.' }]);
    const rest = apply('Delete all after "calls on"');
    expect(rest.text).toMatch(/Conference calls on\n$/);
    expect(rest.applied).toEqual([{ where: 'paragraph 3', line: 4, result: 'Conference calls on' }]);
    expect(apply('Delete from "library plan" to the end and insert "plan for libraries."').text).toMatch(/to publish a plan for libraries\.\n$/);
  });

  test('whole paragraphs deleted, replaced and added', () => {
    expect(apply('Delete paragraph 3 and insert "Conference wants libraries."')).toEqual({
      text: expect.stringContaining('not a luxury.\n\nConference wants libraries.\n\nConference asks'),
      applied: [{ where: 'paragraph 3', line: 4, result: 'Conference wants libraries.' }],
    });
    expect(apply('Delete paragraph 4 and insert "New end."').text).toMatch(/3\. Protect book funds from cuts\.\n\nNew end\.\n$/);
    expect(apply('Delete paragraph 4.').applied).toEqual([{ where: 'paragraph 4', line: 8, result: null }]);
    expect(apply('Insert new paragraph 2: "More words."').applied).toEqual([{ where: 'paragraph 2', line: null, result: 'More words.' }]);
    // A paragraph put in and taken out again leaves the motion as it was.
    const back = apply('Insert new paragraph 2: "New."\nDelete paragraph 2');
    expect(back.text).toBe(UNAMENDED);
    expect(back.applied).toEqual([
      { where: 'paragraph 2', line: null, result: 'New.' },
      { where: 'paragraph 2', line: 3, result: null },
    ]);
  });

  test('points deleted, replaced and added', () => {
    expect(apply('Delete point 3').applied).toEqual([{ where: 'paragraph 3, point 3', line: 7, result: POINTS.replace('\n3. Protect book funds from cuts.', '') }]);
    expect(apply('Delete point 2 and insert "Pay library staff fairly."').applied).toEqual([
      { where: 'paragraph 3, point 2', line: 6, result: POINTS.replace('Employ trained library staff.', 'Pay library staff fairly.') },
    ]);
    const added = `${POINTS}\n4. Open on Sundays.`;
    expect(apply('Insert new point 4: "Open on Sundays."').applied).toEqual([{ where: 'paragraph 3, point 4', line: null, result: added }]);
    expect(apply('Add new point at end: "Open on Sundays."').applied).toEqual([{ where: 'paragraph 3, point 4', line: null, result: added }]);
    expect(apply('Add at end of paragraph 3: "Open on Sundays."').applied).toEqual([{ where: 'paragraph 3', line: null, result: added }]);
    // A point put in and taken out again.
    const back = apply('Insert new point 2: "Open on Sundays."\nDelete point 2');
    expect(back.text).toBe(UNAMENDED);
    expect(back.applied[1]).toEqual({ where: 'paragraph 3, point 2', line: 6, result: POINTS });
  });

  test('words added at the end of a point, a paragraph, the resolves, the motion', () => {
    expect(apply('Add at end of point 2: "and pay them fairly"').applied).toEqual([
      { where: 'paragraph 3, point 2', line: 6, result: POINTS.replace('staff.', 'staff and pay them fairly.') },
    ]);
    expect(apply('Add at end of paragraph 2: "and a right"').applied).toEqual([
      { where: 'paragraph 2', line: null, result: 'Conference believes that a library is a public service, not a luxury and a right.' },
    ]);
    expect(apply('Add at end of paragraph 3: "and on Sundays"').applied).toEqual([{ where: 'paragraph 3', line: null, result: POINTS.replace('from cuts.', 'from cuts and on Sundays.') }]);
    expect(apply('Add at end of the resolves: "and open on Sundays"').applied).toEqual([
      { where: 'paragraph 3', line: null, result: POINTS.replace('from cuts.', 'from cuts and open on Sundays.') },
    ]);
    expect(apply('Add at end of the resolves: "Open on Sundays."').applied).toEqual([{ where: 'paragraph 3', line: null, result: `${POINTS}\n4. Open on Sundays.` }]);
    expect(apply('Add at end: "Every town needs one."').applied).toEqual([
      { where: 'paragraph 4', line: null, result: 'Conference asks the NEC to publish a library plan. Every town needs one.' },
    ]);
  });

  test('the resolves in a paragraph of their own, without points', () => {
    const motion = 'Parks\n\nConference notes that parks are closing.\n\nConference resolves to save them.\n';
    expect(apply('Add at end of the resolves: "and to staff them"', motion).applied).toEqual([
      { where: 'paragraph 2', line: null, result: 'Conference resolves to save them and to staff them.' },
    ]);
  });

  test('the title replaced, deleted and given', () => {
    expect(apply('Replace the title with "Open libraries"')).toEqual({ text: expect.stringMatching(/^Open libraries\n\nConference notes/), applied: [{ where: 'the title', line: null, result: 'Open libraries' }] });
    expect(apply('Delete the title\nReplace the title with "Open"').applied).toEqual([
      { where: 'the title', line: null, result: '' },
      { where: 'the title', line: null, result: 'Open' },
    ]);
  });
});

describe('when an instruction cannot be applied, why', () => {
  test('words not there: the closest passage, or where they are', () => {
    expect(problem('Delete "fifty libraries"')).toBe('the words "fifty libraries" are not in the motion | closest: "forty libraries" (paragraph 1, line 1)');
    // "library" is not "libraries": no word in common, no closest passage.
    expect(problem('In point 1, delete "libraries"')).toBe('the words "libraries" are not in point 1; they are in paragraph 1');
    expect(problem('In paragraph 4, delete "forty"')).toBe('the words "forty" are not in paragraph 4; they are in paragraph 1');
    expect(problem('Delete "(x)"')).toBe('the words "(x)" are not in the motion');
    expect(problem('In the title, delete "our library open"')).toBe('the words "our library open" are not in the title | closest: "our libraries open" (the title, line 0)');
  });

  test('words that occur more than once: a line chooses, the nearest line if none matches, or nothing does', () => {
    expect(apply('Line 2 delete "library"').applied).toEqual([{ where: 'paragraph 2', line: 3, result: 'Conference believes that a is a public service, not a luxury.' }]);
    expect(apply('Delete "library" (line 9)').applied).toEqual([{ where: 'paragraph 4', line: 8, result: 'Conference asks the NEC to publish a plan.' }]);
    expect(apply('Lines 6-7, delete "library"').applied).toEqual([{ where: 'paragraph 3, point 2', line: 6, result: POINTS.replace('trained library staff', 'trained staff') }]);
    expect(problem('Lines 5-6, delete "library"')).toMatch(/^the words "library" occur 4 times in the motion/);
    // None on lines 1 and 2: the nearest, on line 3.
    expect(apply('Lines 1-2, delete "library"').applied[0]).toMatchObject({ where: 'paragraph 2', line: 3 });
    expect(apply('Lines 9-12, delete "library"').applied[0]).toMatchObject({ where: 'paragraph 4', line: 8 });
    expect(problem('Line 7, delete "library"')).toBe(
      'the words "library" occur 4 times in the motion (paragraph 2, line 3; paragraph 3, point 1, line 5; paragraph 3, point 2, line 6; paragraph 4, line 8), and nothing says which: give the paragraph or the line, or quote more words',
    );
    expect(problem('Lines 3-8, delete "library"')).toMatch(/^the words "library" occur 4 times in the motion/);
    expect(problem('In paragraph 3, delete "library"')).toMatch(/^the words "library" occur 2 times in paragraph 3 \(paragraph 3, point 1, line 5; paragraph 3, point 2, line 6\)/);
  });

  test('paragraphs and points that are not there', () => {
    expect(problem('Insert new point 5: "x"')).toBe('there is no point 5 in paragraph 3: it has 3 points as it stands');
    expect(problem('Delete point 0')).toBe('there is no point 0 in paragraph 3: it has 3 points as it stands');
    expect(problem('Delete point iv')).toBe('there is no point iv in paragraph 3: it has 3 points as it stands');
    expect(problem('Delete paragraph 5')).toBe('there is no paragraph 5: the motion has 4 paragraphs as it stands (the title is not counted)');
    expect(problem('Delete paragraph 0')).toBe('there is no paragraph 0: the motion has 4 paragraphs as it stands (the title is not counted)');
    expect(problem('Insert new paragraph 6: "x"')).toBe('there is no paragraph 6: the motion has 4 paragraphs as it stands, so a new one can be paragraph 1 to 5 (the title is not counted)');
    expect(problem('In paragraph 5, delete "x"')).toMatch(/^there is no paragraph 5:/);
    expect(problem('In the title, delete "x"', 'Conference notes this.\n\nConference resolves that.\n')).toBe('the motion has no title');
  });

  test('a list whose points have all gone has no points to name', () => {
    const motion = 'Title\n\nWe ask for:\n1. Cheaper fares.\n2. More routes.\n\nWe thank the drivers.\n';
    expect(problem('Delete point 1\nDelete point 1\nDelete point 1', motion)).toBe('the motion has no numbered points or bullets');
    expect(problem('Delete point 2\nDelete point 1\nIn paragraph 1, delete point 1', motion)).toBe('paragraph 1 has no numbered points or bullets');
    // Its lead-in stays, a paragraph of its own.
    expect(apply('Delete point 2\nDelete point 1', motion).text).toBe('Title\n\nWe ask for:\n\nWe thank the drivers.\n');
  });

  test('a paragraph that is only a list has no lead-in: a new paragraph goes before it', () => {
    const motion = 'Title\n\nConference notes the cuts.\n\n1. Cheaper fares.\n2. More routes.\n';
    expect(apply('Insert new paragraph 2: "Conference asks for:"', motion).text).toBe('Title\n\nConference notes the cuts.\n\nConference asks for:\n\n1. Cheaper fares.\n2. More routes.\n');
    expect(apply('Delete paragraph 1 and insert "Conference asks for:"', motion).text).toBe('Title\n\nConference asks for:\n\n1. Cheaper fares.\n2. More routes.\n');
  });

  test('a point past the ninth, and Roman labels in a lettered list', () => {
    const twelve = `Title\n\nWe ask for:\n${Array.from({ length: 12 }, (_, i) => `${i + 1}. Thing ${i + 1}.`).join('\n')}\n`;
    expect(apply('Delete point 12', twelve).text).toContain('11. Thing 11.\n');
    expect(apply('Delete point 12', twelve).text).not.toContain('Thing 12');
    const lettered = 'Buses\n\nConference calls for:\na) cheaper fares;\nb) more routes;\nc) night buses.\n';
    expect(apply('Delete point iii', lettered).text).toContain('a) cheaper fares;\nb) more routes;\n');
  });

  test('a new paragraph or point with no words', () => {
    // A bullet's dash and nothing after it.
    expect(problem('Insert new point 2: "- "')).toBe('the new point has no words in it');
    expect(problem('Delete point 2 and insert "- "')).toBe('the new point has no words in it');
  });

  test('points lettered, in Roman numerals, or named by the letter of a Roman list', () => {
    const lettered = 'Buses\n\nConference calls for:\na) cheaper fares;\nb) more routes;\nc) night buses.\n';
    expect(apply('Delete point c', lettered).text).toContain('a) cheaper fares;\nb) more routes;\n');
    expect(apply('Delete point (b)', lettered).text).toContain('a) cheaper fares;\nb) night buses.\n');
    const roman = 'Buses\n\nConference calls for:\ni. cheaper fares;\nii. more routes;\niii. night buses.\n';
    expect(apply('Delete point ii', roman).text).toContain('i. cheaper fares;\nii. night buses.\n');
    expect(apply('Delete point 1', roman).text).toContain('i. more routes;\nii. night buses.\n');
  });

  test('one letter that is also a Roman numeral names the point the list has', () => {
    const numbered = 'Buses\n\nConference calls for:\n1. cheaper fares;\n2. more routes;\n3. night buses.\n';
    // "c" as a numeral is 100: this list has 3 points, so it is the third letter.
    expect(apply('Delete point c', numbered).text).toContain('1. cheaper fares;\n2. more routes;\n');
    expect(apply('Delete point c', numbered).text).not.toContain('night');
    // "i" is both the first numeral and the ninth letter: the first.
    expect(apply('Delete point i', numbered).text).toContain('1. more routes;\n2. night buses.\n');
    const six = `Buses\n\nConference calls for:\n${['fares', 'routes', 'nights', 'stops', 'seats', 'lifts'].map((w, i) => `${i + 1}. ${w};`).join('\n')}\n`;
    expect(apply('Delete point v', six).text).not.toContain('seats');
    expect(apply('Delete point v', six).text).toContain('5. lifts;');
    // Neither reading names a point: refused, with the label as written.
    expect(problem('Delete point x', numbered)).toBe('there is no point x in paragraph 1: it has 3 points as it stands');
    const roman = 'Buses\n\nConference calls for:\ni. cheaper fares;\nii. more routes;\niii. night buses.\n';
    expect(apply('Delete point c', roman).text).toContain('i. cheaper fares;\nii. more routes;\n');
    // In a lettered list, a letter is a letter: "point i" of ten is the ninth, not the first.
    const ten = `Buses\n\nConference calls for:\n${'abcdefghij'.split('').map((l, n) => `${l}) stop ${n + 1};`).join('\n')}\n`;
    expect(apply('Delete point i', ten).text).not.toContain('stop 9;');
    expect(apply('Delete point i', ten).text).toContain('a) stop 1;');
  });
});
