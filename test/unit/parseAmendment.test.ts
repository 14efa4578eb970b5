// What parseAmendments reads from an amendment as a delegate writes it: each instruction's kind,
// the quoted words, the paragraph, point or lines named, and the message when it cannot be read.
// The motions these amendments would apply to are imagined (buses, libraries, parks); applying
// them is tested in motionApply.test.ts.
import type { Instruction } from '../../src/motion/instruction.js';
import { AmendmentSyntaxError, parseAmendments } from '../../src/motion/parseAmendment.js';

/** Every instruction of a text, in order, whatever amendment it is under. */
function read(text: string): Instruction[] {
  return parseAmendments(text, 'amendment.txt').flatMap((a) => a.instructions.map((i) => i.instruction));
}

/** The one instruction of a one-line amendment. */
function one(text: string): Instruction {
  const instructions = read(text);
  expect(instructions).toHaveLength(1);
  return instructions[0]!;
}

/** Why a text cannot be read, with the line given: "line 2: cannot read ...". */
function refusal(text: string): string {
  try {
    parseAmendments(text, 'amendment.txt');
  } catch (error) {
    if (error instanceof AmendmentSyntaxError) return `line ${error.line}: ${error.message}`;
    throw error;
  }
  throw new Error(`the amendment was read: ${JSON.stringify(read(text))}`);
}

const point = (label: string) => ({ label, kind: 'point' as const });
const bullet = (label: string) => ({ label, kind: 'bullet' as const });

describe('a new paragraph: its number, or after or before one, or at the end', () => {
  test.each<[string, Instruction]>([
    ['Insert new paragraph 3: "Conference thanks the drivers."', { op: 'insertParagraph', at: 3, text: 'Conference thanks the drivers.' }],
    ['Insert new para 2: Conference thanks the drivers.', { op: 'insertParagraph', at: 2, text: 'Conference thanks the drivers.' }],
    // After paragraph 2 is the new paragraph 3; before paragraph 2 is the new paragraph 2.
    ['Insert a new paragraph after paragraph 2: "Fares have doubled."', { op: 'insertParagraph', at: 3, text: 'Fares have doubled.' }],
    ['Insert an additional paragraph before paragraph 2: "Fares have doubled."', { op: 'insertParagraph', at: 2, text: 'Fares have doubled.' }],
    ['Add new paragraph: "Fares have doubled."', { op: 'insertParagraph', at: 'end', text: 'Fares have doubled.' }],
    ['Add an additional paragraph after paragraph 1: "Fares have doubled."', { op: 'insertParagraph', at: 2, text: 'Fares have doubled.' }],
    ['Insert new paragraph at end: "Fares have doubled."', { op: 'insertParagraph', at: 'end', text: 'Fares have doubled.' }],
    ['Insert a new paragraph at the end: "Fares have doubled."', { op: 'insertParagraph', at: 'end', text: 'Fares have doubled.' }],
    ['Add the new paragraph at end of the motion: "Fares have doubled."', { op: 'insertParagraph', at: 'end', text: 'Fares have doubled.' }],
    ['Add a new paragraph at the end of the motion: "Fares have doubled."', { op: 'insertParagraph', at: 'end', text: 'Fares have doubled.' }],
  ])('%s', (text, instruction) => {
    expect(one(text)).toStrictEqual(instruction);
  });

  test('a paragraph that cannot be placed, or is not a paragraph, is refused with what to write', () => {
    expect(refusal('Insert new paragraph: "Fares have doubled."')).toBe(
      'line 1: cannot read "Insert new paragraph: "Fares have doubled."": which paragraph? Say "new paragraph 3", "after paragraph 2" or "at end"',
    );
    expect(refusal('Insert new paragraph after paragraph: "Fares."')).toMatch(/: which paragraph\? Give its number$/);
    expect(refusal('Insert new paragraph before paragraph two: "Fares."')).toMatch(/: which paragraph\? Give its number$/);
    expect(refusal('Insert new sentence: "Fares."')).toMatch(/: new what\? Say "new paragraph 3" or "new point iii"$/);
  });
});

describe('a new point: its label, or at the end of the list', () => {
  test.each<[string, Instruction]>([
    ['Insert new point iii: "Run night buses."', { op: 'insertPoint', where: {}, at: point('iii'), text: 'Run night buses.' }],
    ['In paragraph 3, insert new bullet 2: "Run night buses."', { op: 'insertPoint', where: { paragraph: 3 }, at: bullet('2'), text: 'Run night buses.' }],
    ['Insert a new sub-paragraph (d): "Run night buses."', { op: 'insertPoint', where: {}, at: point('d'), text: 'Run night buses.' }],
    ['Add new point: "Run night buses."', { op: 'insertPoint', where: {}, at: 'end', text: 'Run night buses.' }],
    ['Add a new item: "Run night buses."', { op: 'insertPoint', where: {}, at: 'end', text: 'Run night buses.' }],
    ['Add a new bullet point at the end: "Run night buses."', { op: 'insertPoint', where: {}, at: 'end', text: 'Run night buses.' }],
    ['Add new bullet: "Run night buses."', { op: 'insertPoint', where: {}, at: 'end', text: 'Run night buses.' }],
    ['Add a new sub-paragraph: "Run night buses."', { op: 'insertPoint', where: {}, at: 'end', text: 'Run night buses.' }],
    // A label and "at the end": the end wins, as the list's next label is the end anyway.
    ['Insert new point 4 at end: "Run night buses."', { op: 'insertPoint', where: {}, at: 'end', text: 'Run night buses.' }],
  ])('%s', (text, instruction) => {
    expect(one(text)).toStrictEqual(instruction);
  });
});

describe('words put in after or before quoted words', () => {
  test.each<[string, Instruction]>([
    ['After "bus routes" insert "and tram lines"', { op: 'insertAt', where: {}, side: 'after', anchor: 'bus routes', text: 'and tram lines' }],
    ['Before "every town" add "nearly"', { op: 'insertAt', where: {}, side: 'before', anchor: 'every town', text: 'nearly' }],
    ['In paragraph 2, line 3, after "fares" put "and passes"', { op: 'insertAt', where: { paragraph: 2, lines: [3, 3] }, side: 'after', anchor: 'fares', text: 'and passes' }],
    ['After "fares" in point ii, insert "and passes"', { op: 'insertAt', where: { point: point('ii') }, side: 'after', anchor: 'fares', text: 'and passes' }],
    ['After "fares", insert: and passes', { op: 'insertAt', where: {}, side: 'after', anchor: 'fares', text: 'and passes' }],
    ['Insert "and passes" after "fares" in paragraph 2', { op: 'insertAt', where: { paragraph: 2 }, side: 'after', anchor: 'fares', text: 'and passes' }],
    ['Add "nearly" before "every town"', { op: 'insertAt', where: {}, side: 'before', anchor: 'every town', text: 'nearly' }],
    ['Insert after "fares": "and passes"', { op: 'insertAt', where: {}, side: 'after', anchor: 'fares', text: 'and passes' }],
    ['Append before "every town" "nearly"', { op: 'insertAt', where: {}, side: 'before', anchor: 'every town', text: 'nearly' }],
  ])('%s', (text, instruction) => {
    expect(one(text)).toStrictEqual(instruction);
  });

  test('words that are not quoted, or no "insert", are refused with what to write', () => {
    expect(refusal('After the fares insert "and passes"')).toMatch(/: after which words\? Quote them$/);
    expect(refusal('Before fares insert "and passes"')).toMatch(/: before which words\? Quote them$/);
    expect(refusal('After "fares" delete "passes"')).toMatch(/: after 'fares', say "insert" and the words$/);
    expect(refusal('Insert "and passes" after')).toMatch(/: after which words\? Quote them$/);
    expect(refusal('Insert "and passes" before fares')).toMatch(/: before which words\? Quote them$/);
    expect(refusal('Insert after: "and passes"')).toMatch(/: after which words\? Quote them$/);
    expect(refusal('Insert "and passes"')).toMatch(/: this is not an instruction delegate can read$/);
    expect(refusal('Add more buses')).toMatch(/: this is not an instruction delegate can read$/);
    expect(refusal('"and passes" after "fares"')).toMatch(/: this is not an instruction delegate can read$/);
    expect(refusal('After "fares" insert')).toBe('line 1: cannot read "After "fares" insert": the words to put in are missing');
  });
});

describe('deleting words, and putting others in their place', () => {
  test.each<[string, Instruction]>([
    ['Delete "every"', { op: 'delete', where: {}, words: 'every' }],
    ['Remove the words "every" in paragraph 2 (line 4)', { op: 'delete', where: { paragraph: 2, lines: [4, 4] }, words: 'every' }],
    ['Delete "every" (paragraph 2)', { op: 'delete', where: { paragraph: 2 }, words: 'every' }],
    ["Delete 'every' (paragraph 2)", { op: 'delete', where: { paragraph: 2 }, words: 'every' }],
    ['Delete "Open" in the title', { op: 'delete', where: { title: true }, words: 'Open' }],
    ['Delete "every" in point (b), line 7', { op: 'delete', where: { point: point('b'), lines: [7, 7] }, words: 'every' }],
    ['Strike out "every" and insert "each"', { op: 'delete', where: {}, words: 'every', text: 'each' }],
    ['Omit "every", substitute "each"', { op: 'delete', where: {}, words: 'every', text: 'each' }],
    ['Leave out "every" and insert "each"', { op: 'delete', where: {}, words: 'every', text: 'each' }],
    ['Delete "every" and replace with "each"', { op: 'delete', where: {}, words: 'every', text: 'each' }],
    ['Delete "every" and replace by "each"', { op: 'delete', where: {}, words: 'every', text: 'each' }],
    ['Delete "every" in paragraph 2 and add "each"', { op: 'delete', where: { paragraph: 2 }, words: 'every', text: 'each' }],
    ['Delete "every"\nand put "each"', { op: 'delete', where: {}, words: 'every', text: 'each' }],
  ])('%s', (text, instruction) => {
    expect(one(text)).toStrictEqual(instruction);
  });

  test('a place after the words in brackets must close its bracket', () => {
    expect(refusal('Delete "every" (paragraph 2')).toMatch(/^line 1: cannot read "\(paragraph 2": this is not an instruction/);
    expect(refusal('Delete "every" (paragraph 2] and insert "each"')).toMatch(/^line 1: cannot read "\(paragraph 2\]/);
  });

  test('nothing to delete is refused', () => {
    expect(refusal('Delete everything')).toBe('line 1: cannot read "Delete everything": delete what? Quote the words, or say "paragraph 3" or "point ii"');
  });
});

describe('deleting a passage: from some words to others, or all after some words', () => {
  test.each<[string, Instruction]>([
    ['Delete all after "calls on"', { op: 'deleteRange', where: {}, from: 'calls on', to: 'end', fromIncluded: false }],
    ['Delete everything after "calls on" and insert "the council to act."', { op: 'deleteRange', where: {}, from: 'calls on', to: 'end', fromIncluded: false, text: 'the council to act.' }],
    ['In paragraph 4, delete all words after "calls on"', { op: 'deleteRange', where: { paragraph: 4 }, from: 'calls on', to: 'end', fromIncluded: false }],
    ['Delete the rest after "calls on"', { op: 'deleteRange', where: {}, from: 'calls on', to: 'end', fromIncluded: false }],
    ['Delete all text after "calls on"', { op: 'deleteRange', where: {}, from: 'calls on', to: 'end', fromIncluded: false }],
    ['Delete all that follows "calls on"', { op: 'deleteRange', where: {}, from: 'calls on', to: 'end', fromIncluded: false }],
    ['Delete from "which" to "towns"', { op: 'deleteRange', where: {}, from: 'which', to: 'towns', fromIncluded: true }],
    ['Delete from "which" until "towns" and insert "here"', { op: 'deleteRange', where: {}, from: 'which', to: 'towns', fromIncluded: true, text: 'here' }],
    ['Delete from "which" up to and including "towns"', { op: 'deleteRange', where: {}, from: 'which', to: 'towns', fromIncluded: true }],
    ['Delete from "which" up to "towns"', { op: 'deleteRange', where: {}, from: 'which', to: 'towns', fromIncluded: true }],
    ['Delete from "which" to the end', { op: 'deleteRange', where: {}, from: 'which', to: 'end', fromIncluded: true }],
    ['Delete from "which", to end of the paragraph, and insert "here"', { op: 'deleteRange', where: {}, from: 'which', to: 'end', fromIncluded: true, text: 'here' }],
    ['Delete from "which" to the end of paragraph and insert "here"', { op: 'deleteRange', where: {}, from: 'which', to: 'end', fromIncluded: true, text: 'here' }],
    ['Delete from "which" to the end of the motion and insert "here"', { op: 'deleteRange', where: {}, from: 'which', to: 'end', fromIncluded: true, text: 'here' }],
    ['In point 2, delete from "which" to the end of the point and insert "here"', { op: 'deleteRange', where: { point: point('2') }, from: 'which', to: 'end', fromIncluded: true, text: 'here' }],
  ])('%s', (text, instruction) => {
    expect(one(text)).toStrictEqual(instruction);
  });

  test('a passage with an end or a start not quoted is refused with what to write', () => {
    expect(refusal('Delete all after calls on')).toMatch(/: delete all after which words\? Quote them$/);
    expect(refusal('Delete from the start')).toMatch(/: delete from which words\? Quote them$/);
    expect(refusal('Delete from "which"')).toMatch(/: delete from 'which' to where\? Say "to" and quote the last words$/);
    expect(refusal('Delete from "which" to towns')).toMatch(/: delete from 'which' to which words\? Quote them$/);
  });
});

describe('whole paragraphs, points and the title', () => {
  test.each<[string, Instruction]>([
    ['Delete paragraph 2', { op: 'deleteParagraph', paragraph: 2 }],
    ['Delete para 12 and insert "Libraries stay open."', { op: 'deleteParagraph', paragraph: 12, text: 'Libraries stay open.' }],
    ['Delete paragraph 2, substitute "Libraries stay open."', { op: 'deleteParagraph', paragraph: 2, text: 'Libraries stay open.' }],
    ['Replace paragraph 3 with "Libraries stay open."', { op: 'deleteParagraph', paragraph: 3, text: 'Libraries stay open.' }],
    ['Replace para 3 by: Libraries stay open.', { op: 'deleteParagraph', paragraph: 3, text: 'Libraries stay open.' }],
    ['Delete point ii', { op: 'deletePoint', where: {}, point: point('ii') }],
    ['Delete bullet 3', { op: 'deletePoint', where: {}, point: bullet('3') }],
    ['Delete bullet point 3', { op: 'deletePoint', where: {}, point: bullet('3') }],
    ['Delete sub-paragraph (b)', { op: 'deletePoint', where: {}, point: point('b') }],
    ['Delete subparagraph b)', { op: 'deletePoint', where: {}, point: point('b') }],
    ['Delete sub paragraph (C)', { op: 'deletePoint', where: {}, point: point('c') }],
    ['Delete demand 12', { op: 'deletePoint', where: {}, point: point('12') }],
    ['In paragraph 3, delete item 4 and insert "Open on Sundays."', { op: 'deletePoint', where: { paragraph: 3 }, point: point('4'), text: 'Open on Sundays.' }],
    ['Replace bullet 2 with "Open on Sundays."', { op: 'deletePoint', where: {}, point: bullet('2'), text: 'Open on Sundays.' }],
    ['In paragraph 3, replace point xiv by "Open on Sundays."', { op: 'deletePoint', where: { paragraph: 3 }, point: point('xiv'), text: 'Open on Sundays.' }],
    ['Delete the title', { op: 'replaceTitle', text: null }],
    ['Delete title.', { op: 'replaceTitle', text: null }],
    ['Replace the title with "Open libraries"', { op: 'replaceTitle', text: 'Open libraries' }],
    ['Replace title by: Open libraries', { op: 'replaceTitle', text: 'Open libraries' }],
    ['Replace the title "Open libraries"', { op: 'replaceTitle', text: 'Open libraries' }],
    ['Replace "every" by "each"', { op: 'delete', where: {}, words: 'every', text: 'each' }],
    ['In point 2, substitute "every" with "each"', { op: 'delete', where: { point: point('2') }, words: 'every', text: 'each' }],
  ])('%s', (text, instruction) => {
    expect(one(text)).toStrictEqual(instruction);
  });

  test('a paragraph or point without a number, or a replacement without "with", is refused with what to write', () => {
    expect(refusal('Delete paragraph two')).toMatch(/: delete which paragraph\? Give its number$/);
    // Three digits at most: no motion has a thousand paragraphs.
    expect(refusal('Delete paragraph 1234')).toMatch(/: delete which paragraph\? Give its number$/);
    expect(refusal('Replace paragraph with "Open."')).toMatch(/: replace which paragraph\? Give its number$/);
    expect(refusal('Replace paragraph 3 "Open."')).toMatch(/: replace paragraph 3 with what\? Say "with" and quote the words$/);
    expect(refusal('Replace point (c) "Open."')).toMatch(/: replace point c with what\? Say "with" and quote the words$/);
    expect(refusal('Replace bullet 2 "Open."')).toMatch(/: replace bullet 2 with what\? Say "with" and quote the words$/);
    expect(refusal('Replace "every"')).toMatch(/: replace 'every' with what\? Say "with" and quote the words$/);
    expect(refusal('Replace everything')).toMatch(/: replace what\? Quote the words, or say "paragraph 3"$/);
    // A point's number has two digits at most, and a letter is one letter or a Roman numeral.
    expect(refusal('Delete point 123')).toMatch(/: delete what\?/);
    expect(refusal('Delete point ab')).toMatch(/: delete what\?/);
  });
});

describe('words added at the end: of the motion, the resolves, a paragraph or a point', () => {
  test.each<[string, Instruction]>([
    ['Add at end: "Libraries are for everyone."', { op: 'addAtEnd', where: {}, target: 'motion', text: 'Libraries are for everyone.' }],
    ['At the end add "Libraries are for everyone."', { op: 'addAtEnd', where: {}, target: 'motion', text: 'Libraries are for everyone.' }],
    ['Add to the end of the resolves: "and parks"', { op: 'addAtEnd', where: {}, target: 'resolves', text: 'and parks' }],
    ['Add at the end of resolves: "and parks"', { op: 'addAtEnd', where: {}, target: 'resolves', text: 'and parks' }],
    ['At the close of the demands, add "and parks"', { op: 'addAtEnd', where: {}, target: 'resolves', text: 'and parks' }],
    ['Add at end of the resolutions: "and parks"', { op: 'addAtEnd', where: {}, target: 'resolves', text: 'and parks' }],
    ['At the end of the motion add "and parks"', { op: 'addAtEnd', where: {}, target: 'motion', text: 'and parks' }],
    ['Add at end of motion: "and parks"', { op: 'addAtEnd', where: {}, target: 'motion', text: 'and parks' }],
    ['At the end of paragraph 2, append "and parks"', { op: 'addAtEnd', where: { paragraph: 2 }, target: 'paragraph', text: 'and parks' }],
    ['At the end of point 3 insert "and parks"', { op: 'addAtEnd', where: { point: point('3') }, target: 'point', text: 'and parks' }],
    ['Add at end of paragraph 3, point 2: "and parks"', { op: 'addAtEnd', where: { paragraph: 3, point: point('2') }, target: 'point', text: 'and parks' }],
    ['In paragraph 2 at the end add "and parks"', { op: 'addAtEnd', where: { paragraph: 2 }, target: 'paragraph', text: 'and parks' }],
    ['In point 2, add at end "and parks"', { op: 'addAtEnd', where: { point: point('2') }, target: 'point', text: 'and parks' }],
    ['In paragraph 3, point 2, add at end "and parks"', { op: 'addAtEnd', where: { paragraph: 3, point: point('2') }, target: 'point', text: 'and parks' }],
    // "Add" and quoted words with no "at end": at the end of the place named, or of the motion.
    ['Add "and parks"', { op: 'addAtEnd', where: {}, target: 'motion', text: 'and parks' }],
    ['In paragraph 2, add "and parks"', { op: 'addAtEnd', where: { paragraph: 2 }, target: 'paragraph', text: 'and parks' }],
    ['In point b, add "and parks"', { op: 'addAtEnd', where: { point: point('b') }, target: 'point', text: 'and parks' }],
  ])('%s', (text, instruction) => {
    expect(one(text)).toStrictEqual(instruction);
  });

  test('an end of something that has no end, or nothing to do there, is refused with what to write', () => {
    const what = ': at the end of what? Say "paragraph 2", "point iii", "the resolves" or "the motion"';
    expect(refusal('At end of line 4 add "and parks"')).toMatch(new RegExp(`${what.replace(/[?]/g, '\\?')}$`));
    expect(refusal('At the end of the paragraph add "and parks"')).toMatch(/: at the end of what\?/);
    expect(refusal('At the end "and parks"')).toMatch(/: at the end, do what\? Say "add" and the words$/);
  });
});

describe('where an instruction looks: paragraphs, points, printed lines, the title', () => {
  test.each<[string, Instruction]>([
    ['In lines 3-5, delete "every"', { op: 'delete', where: { lines: [3, 5] }, words: 'every' }],
    ['Lines 3 \u2013 5: delete "every"', { op: 'delete', where: { lines: [3, 5] }, words: 'every' }],
    ['Line 3 to 6, delete "every"', { op: 'delete', where: { lines: [3, 6] }, words: 'every' }],
    ['Lines 3 and 4, delete "every"', { op: 'delete', where: { lines: [3, 4] }, words: 'every' }],
    // A range written backwards is read as its first line.
    ['Lines 6-4, delete "every"', { op: 'delete', where: { lines: [6, 6] }, words: 'every' }],
    // A dash with no number after it is not part of the lines.
    ['Line 3 - delete "every"', { op: 'delete', where: { lines: [3, 3] }, words: 'every' }],
    ['At paragraph 2, delete "every"', { op: 'delete', where: { paragraph: 2 }, words: 'every' }],
    ['In para. 4 delete "every"', { op: 'delete', where: { paragraph: 4 }, words: 'every' }],
    ['Para 4 \u2013 delete "every"', { op: 'delete', where: { paragraph: 4 }, words: 'every' }],
    ['Item a) delete "every"', { op: 'delete', where: { point: point('a') }, words: 'every' }],
    ['Paragraphs 4, delete "every"', { op: 'delete', where: { paragraph: 4 }, words: 'every' }],
    ['In the title, delete "every"', { op: 'delete', where: { title: true }, words: 'every' }],
    ['Title: after "Open" insert "all"', { op: 'insertAt', where: { title: true }, side: 'after', anchor: 'Open', text: 'all' }],
    ['In bullet point (c), delete "every"', { op: 'delete', where: { point: bullet('c') }, words: 'every' }],
    ['In sub paragraph iv) delete "every"', { op: 'delete', where: { point: point('iv') }, words: 'every' }],
    ['Paragraph 2, point 3, line 9: delete "every"', { op: 'delete', where: { paragraph: 2, point: point('3'), lines: [9, 9] }, words: 'every' }],
  ])('%s', (text, instruction) => {
    expect(one(text)).toStrictEqual(instruction);
  });

  test('a place without its number is not a place', () => {
    expect(refusal('In paragraph, delete "every"')).toMatch(/: this is not an instruction delegate can read$/);
    expect(refusal('In line, delete "every"')).toMatch(/: this is not an instruction delegate can read$/);
    expect(refusal('In point, delete "every"')).toMatch(/: this is not an instruction delegate can read$/);
  });
});

describe('quoted words', () => {
  test.each<[string, string]>([
    // "the words", "the word", "the phrase", "the text" before a quotation are not part of it.
    ['Delete the words "every town"', 'every town'],
    ['Delete the word "every"', 'every'],
    ['Delete words "every town"', 'every town'],
    ['Delete word "every"', 'every'],
    ['Delete the phrase "every town"', 'every town'],
    ['Delete the text "every town"', 'every town'],
    ['Delete \u201cevery town\u201d', 'every town'],
    // Straight double quotes close only at another: curly quotes inside are kept.
    ['Delete "the \u201cbus for all\u201d plan"', 'the \u201cbus for all\u201d plan'],
    // Curly double quotes close only at their pair: straight quotes inside are kept.
    ['Delete \u201cthe "bus for all" plan\u201d', 'the "bus for all" plan'],
    // A single quote is also an apostrophe: inside a word, or where what follows is not the rest
    // of an instruction, it does not close the quotation.
    ["Delete 'the drivers' union' and insert 'the union'", "the drivers' union"],
    ["Delete 'it's'", "it's"],
    ["Delete 'the council's plan'", "the council's plan"],
    ["Delete 'pick 'n' mix' in paragraph 2", "pick 'n' mix"],
    ['Delete \u2018the council\u2019s plan\u2019', 'the council\u2019s plan'],
    ['Delete \u2019the plan\u2019', 'the plan'],
    ["Delete 'the drivers' \nDelete 'x'", 'the drivers'],
    ["Delete 'open'late'", "open'late"],
    ["Delete 'bus' fares'.", "bus' fares"],
  ])('%s', (text, words) => {
    const instruction = read(text)[0]!;
    expect(instruction.op).toBe('delete');
    expect(instruction.op === 'delete' && instruction.words).toBe(words);
  });

  test('the words after a closing single quote decide where it closes', () => {
    // Each candidate closer is followed by words; the one followed by "and" (an instruction's
    // word) closes it.
    expect(one("Delete 'bus' fares' and insert 'tickets'")).toStrictEqual({ op: 'delete', where: {}, words: "bus' fares", text: 'tickets' });
    // None followed by an instruction's word: the first closes it.
    expect(refusal("Delete 'bus' fares' trains")).toMatch(/^line 1: cannot read "fares' trains"/);
    // The end of a line ends the words, whatever the next line starts with.
    expect(read("Delete 'bus' fares'\nOmit 'x'")).toStrictEqual([
      { op: 'delete', where: {}, words: "bus' fares" },
      { op: 'delete', where: {}, words: 'x' },
    ]);
    // An apostrophe inside a word, or the opening quote, is never the closing one.
    expect(refusal("Delete 'it's' now")).toBe('line 1: cannot read "now": this is not an instruction delegate can read');
    expect(refusal("Delete '(every)' now")).toBe('line 1: cannot read "now": this is not an instruction delegate can read');
  });

  test('a quotation never closed, or empty, is refused', () => {
    expect(refusal('Delete "every town')).toBe('line 1: cannot read "Delete "every town": a quotation opened with " is never closed');
    expect(refusal('Delete \u201cevery town"')).toMatch(/: a quotation opened with \u201c is never closed$/);
    expect(refusal("Delete 'every")).toMatch(/: a quotation opened with ' is never closed$/);
    expect(refusal("Delete 'x")).toMatch(/: a quotation opened with ' is never closed$/);
    expect(refusal('Delete "  "')).toBe('line 1: cannot read "Delete " "": the quotation is empty');
    expect(refusal('Delete \u201c\u201d')).toBe('line 1: cannot read "Delete \u201c\u201d": the quotation is empty');
    expect(refusal('Delete the words every town')).toMatch(/: delete what\?/);
  });
});

describe('words to put in, not quoted', () => {
  test('after a colon: the rest of the line', () => {
    expect(read('Add at end: Libraries are for everyone.   \nDelete "every"')).toStrictEqual([
      { op: 'addAtEnd', where: {}, target: 'motion', text: 'Libraries are for everyone.' },
      { op: 'delete', where: {}, words: 'every' },
    ]);
    expect(read('Delete "every"\nAdd at end: Libraries are for everyone.\nDelete "all"')).toStrictEqual([
      { op: 'delete', where: {}, words: 'every' },
      { op: 'addAtEnd', where: {}, target: 'motion', text: 'Libraries are for everyone.' },
      { op: 'delete', where: {}, words: 'all' },
    ]);
    // "the words" is part of unquoted words.
    expect(one('Add at end: the words of the song')).toStrictEqual({ op: 'addAtEnd', where: {}, target: 'motion', text: 'the words of the song' });
  });

  test('after a colon that ends its line: the lines below, down to a blank line', () => {
    expect(read('Insert new paragraph 2:\nConference also calls for:\n  - open libraries;\n  - staffed libraries.\n\nDelete "every"')).toStrictEqual([
      { op: 'insertParagraph', at: 2, text: 'Conference also calls for:\n- open libraries;\n- staffed libraries.' },
      { op: 'delete', where: {}, words: 'every' },
    ]);
    expect(one('Add at end:\nLibraries are for everyone.')).toStrictEqual({ op: 'addAtEnd', where: {}, target: 'motion', text: 'Libraries are for everyone.' });
    expect(one('Add new paragraph at end:\n  Libraries for all\n  open late\n')).toStrictEqual({ op: 'insertParagraph', at: 'end', text: 'Libraries for all\nopen late' });
    expect(one('Add new paragraph at end:\nSafe\nstreets\n')).toStrictEqual({ op: 'insertParagraph', at: 'end', text: 'Safe\nstreets' });
  });

  test('none at all is refused, on the line of the instruction', () => {
    expect(refusal('Delete "every"\nAdd at end:   ')).toBe('line 2: cannot read "Add at end:": the words to put in are missing');
  });
});

describe('several instructions', () => {
  test('one a line, or separated by full stops, semicolons, "and" or "then"', () => {
    const deletes = (...words: string[]) => words.map((w) => ({ op: 'delete', where: {}, words: w }));
    expect(read('Delete "a".\nDelete "b"')).toStrictEqual(deletes('a', 'b'));
    expect(read('Delete "a"; delete "b". Delete "c", delete "d"')).toStrictEqual(deletes('a', 'b', 'c', 'd'));
    expect(read('Delete "a" and delete "b"')).toStrictEqual(deletes('a', 'b'));
    expect(read('Delete "a"\nand delete "b"')).toStrictEqual(deletes('a', 'b'));
    expect(read('Delete "a"; and then delete "b", then delete "c"')).toStrictEqual(deletes('a', 'b', 'c'));
    expect(read('Delete "a"; then; delete "b"')).toStrictEqual(deletes('a', 'b'));
    expect(read('Delete "a"delete "b"')).toStrictEqual(deletes('a', 'b'));
    expect(read('Delete "a" replace "b" with "c"')).toStrictEqual([...deletes('a'), { op: 'delete', where: {}, words: 'b', text: 'c' }]);
  });

  test('a place named after quoted words stays with them, not with the next instruction', () => {
    expect(read('In paragraph 1, delete "a"; in paragraph 2, delete "b"')).toStrictEqual([
      { op: 'delete', where: { paragraph: 1 }, words: 'a' },
      { op: 'delete', where: { paragraph: 2 }, words: 'b' },
    ]);
    expect(read('Delete "a" in paragraph 1 and in paragraph 2 delete "b"')).toStrictEqual([
      { op: 'delete', where: { paragraph: 1 }, words: 'a' },
      { op: 'delete', where: { paragraph: 2 }, words: 'b' },
    ]);
    expect(read('Delete "a" and in point 2 delete "b"')).toStrictEqual([
      { op: 'delete', where: {}, words: 'a' },
      { op: 'delete', where: { point: point('2') }, words: 'b' },
    ]);
  });

  test('a paragraph deleted on one line and words added on the next are two instructions', () => {
    // Only "and" carries the instruction over to the next line.
    expect(read('Delete paragraph 2\nAdd at end: "Open on Sundays."')).toStrictEqual([
      { op: 'deleteParagraph', paragraph: 2 },
      { op: 'addAtEnd', where: {}, target: 'motion', text: 'Open on Sundays.' },
    ]);
    expect(read('Delete point 2\nInsert new point 4: "Open on Sundays."')).toStrictEqual([
      { op: 'deletePoint', where: {}, point: point('2') },
      { op: 'insertPoint', where: {}, at: point('4'), text: 'Open on Sundays.' },
    ]);
    expect(read('Delete paragraph 2\nand insert "Open on Sundays."')).toStrictEqual([{ op: 'deleteParagraph', paragraph: 2, text: 'Open on Sundays.' }]);
    // A place in brackets belongs to the line it is on.
    expect(refusal('Delete "every"\n(line 4)')).toBe('line 2: cannot read "(line 4)": this is not an instruction delegate can read');
  });

  test('written as a numbered, lettered or bulleted list', () => {
    const listed = read('1. Delete "a"\n2) Delete "b"\n(c) Delete "c"\nd) Delete "d"\n* Delete "e"\n\u2022 Delete "f"\n  - Delete "g"\n10. Delete "h"');
    expect(listed.map((i) => i.op === 'delete' && i.words)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    // Indented, from the first line.
    expect(read('  1. Delete "a"\n  2. Delete "b"')).toStrictEqual([
      { op: 'delete', where: {}, words: 'a' },
      { op: 'delete', where: {}, words: 'b' },
    ]);
    // A number in the middle of a line is not a list's marker.
    expect(refusal('Delete "a" 2. Delete "b"')).toMatch(/^line 1: cannot read "2\. Delete "b"": this is not an instruction/);
  });

  test('"Renumber accordingly" and "Leave the rest unchanged" are understood and do nothing', () => {
    expect(read('Delete point 1. Renumber accordingly.\nLeave the rest unchanged; delete "b"')).toStrictEqual([
      { op: 'deletePoint', where: {}, point: point('1') },
      { op: 'delete', where: {}, words: 'b' },
    ]);
    expect(read('Renumber the points\nDelete "b"')).toStrictEqual([{ op: 'delete', where: {}, words: 'b' }]);
  });

  test('words left over after an instruction are refused, quoting them', () => {
    // Glued to the instruction: the instruction is quoted, then the words left over.
    expect(refusal('Delete "every"swap')).toBe('line 1: cannot read "Delete "every"swap": unexpected words after the instruction ("swap")');
    expect(refusal('Delete "every"this is more than thirty letters long')).toMatch(/\("this is more than thirty lette"\)$/);
    // After a space they are read as the next instruction, which they are not.
    expect(refusal('Delete paragraph 2 please')).toBe('line 1: cannot read "please": this is not an instruction delegate can read');
    expect(refusal('Delete paragraph 2.please')).toBe('line 1: cannot read "please": this is not an instruction delegate can read');
    // Unless they start as an instruction does.
    expect(read('Delete "a"and insert "b"')).toStrictEqual([{ op: 'delete', where: {}, words: 'a', text: 'b' }]);
    expect(read('Delete "a"in paragraph 2')).toStrictEqual([{ op: 'delete', where: { paragraph: 2 }, words: 'a' }]);
  });
});

describe('amendment files', () => {
  test('amendments under headings, named by them; lines about who moves them passed over', () => {
    const text = [
      'Amendment 1 \u2013 Riverside CLP',
      'Moved: Riverside CLP',
      'Seconded: Transport Workers',
      'Delete "every"',
      '',
      '## Amendment 2   (Hill Ward)',
      'To motion 4',
      'Motion 4 is amended as follows:',
      'Proposed by the ward.',
      'Submitted by the secretary',
      'Organisation: Hill Ward',
      'From: the ward',
      'Mover: the chair',
      'Seconder: the treasurer',
      'Delete "each"',
      '**Amendment to Motion 3**:',
      '',
      'Delete "all"',
      '__Amendment 4__',
      'Delete "any"',
    ].join('\n');
    const amendments = parseAmendments(text, 'amendments.txt');
    expect(amendments.map((a) => a.name)).toEqual(['Amendment 1 \u2013 Riverside CLP', 'Amendment 2 (Hill Ward)', 'Amendment to Motion 3', 'Amendment 4']);
    expect(amendments.map((a) => a.file)).toEqual(['amendments.txt', 'amendments.txt', 'amendments.txt', 'amendments.txt']);
    expect(amendments.map((a) => a.instructions.map((i) => [i.line, i.source]))).toEqual([[[4, 'Delete "every"']], [[15, 'Delete "each"']], [[18, 'Delete "all"']], [[20, 'Delete "any"']]]);
  });

  test('an instruction that names the motion is not a heading', () => {
    expect(refusal('Amendment 3 after "Open" insert "all"')).toMatch(/this is not an instruction delegate can read/);
    expect(parseAmendments('Amendment to "Open libraries"\nDelete "every"', 'mine.txt').map((a) => a.name)).toEqual(['Amendment to "Open libraries"']);
  });

  test('a heading is short: a long line starting "Amendment" is not one', () => {
    const long = `Amendments ${'and more words '.repeat(10)}`;
    expect(refusal(`${long}\nDelete "every"`)).toMatch(/^line 1: cannot read "Amendments and more/);
    // Words are counted, not spaces.
    const spaced = `Amendment  ${'x  '.repeat(15)}`;
    expect(parseAmendments(`${spaced}\nDelete "every"`, 'mine.txt').map((a) => a.name)).toEqual([`Amendment ${'x '.repeat(15).trim()}`]);
    const wordy = `Amendment ${'x '.repeat(19)}`;
    expect(parseAmendments(`${wordy}\nDelete "every"`, 'mine.txt').map((a) => a.name)).toEqual([wordy.trim()]);
    expect(refusal(`${wordy}x\nDelete "every"`)).toMatch(/^line 1: cannot read "Amendment x x/);
    // Under 160 characters.
    const wide = `Amendment ${'x'.repeat(149)}`;
    expect(parseAmendments(`${wide}\nDelete "every"`, 'mine.txt').map((a) => a.name)).toEqual([wide]);
    expect(refusal(`${wide}x\nDelete "every"`)).toMatch(/^line 1: cannot read "Amendment xxx/);
  });

  test('a heading with nothing under it is no amendment; one amendment with no heading is named after its file', () => {
    expect(parseAmendments('Amendment 1\n\n  \nAmendment 2\nDelete "every"', 'mine.txt').map((a) => a.name)).toEqual(['Amendment 2']);
    expect(parseAmendments('Delete "every"', 'mine.txt')).toStrictEqual([
      { name: 'mine.txt', file: 'mine.txt', instructions: [{ instruction: { op: 'delete', where: {}, words: 'every' }, source: 'Delete "every"', line: 1 }] },
    ]);
    expect(parseAmendments('', 'mine.txt')).toEqual([]);
    expect(parseAmendments('Moved: Hill Ward\n', 'mine.txt')).toEqual([]);
  });

  test('Windows and old Mac line ends count lines as Unix ones do', () => {
    const lines = (text: string) => parseAmendments(text, 'mine.txt')[0]!.instructions.map((i) => [i.line, i.source]);
    const expected = [
      [1, 'Delete "a"'],
      [2, 'Delete "b"'],
      [3, 'Delete "c"'],
    ];
    expect(lines('Delete "a"\r\nDelete "b"\r\nDelete "c"')).toEqual(expected);
    expect(lines('Delete "a"\rDelete "b"\rDelete "c"')).toEqual(expected);
  });

  test('the source of an instruction is its words single-spaced, and its line the line it starts on', () => {
    const [amendment] = parseAmendments('Amendment 5\n\nIn paragraph 2,\n   after "Open"   insert\n"all".\n\nDelete paragraph 4.', 'mine.txt');
    expect(amendment!.instructions.map((i) => [i.line, i.source])).toEqual([
      [3, 'In paragraph 2, after "Open" insert "all"'],
      [7, 'Delete paragraph 4'],
    ]);
  });

  test('an instruction that cannot be read is refused with the line it starts on, in the file', () => {
    expect(refusal('Amendment 1\nMoved: Hill Ward\nDelete "every"\n\nPlease add more buses')).toBe('line 5: cannot read "Please add more buses": this is not an instruction delegate can read');
    // The line of the instruction, not of where reading stopped.
    expect(refusal('Delete "every"\nAfter "Open"\ninsert')).toBe('line 2: cannot read "After "Open"": the words to put in are missing');
    // Left-over words: the line where they are.
    expect(refusal('Delete "a"\nDelete "b"\nDelete "c"\nDelete "d"\nDelete "e"\nDelete "every"swap\nDelete "f"')).toMatch(/^line 6: /);
    expect(refusal('Delete "every"\nDelete "all"\nDelete "each"swap')).toBe('line 3: cannot read "Delete "each"swap": unexpected words after the instruction ("swap")');
    expect(refusal('Delete "every"\nDelete "all"swap\nDelete "each"')).toBe('line 2: cannot read "Delete "all"swap": unexpected words after the instruction ("swap Delete "each"")');
  });

  test('an error that is not about the amendment is not disguised as one', () => {
    expect(() => parseAmendments(null as unknown as string, 'mine.txt')).toThrow(TypeError);
  });
});
