import { readFileSync } from 'node:fs';
import { demands, findParts } from '../../src/motion/findParts.js';
import { parseMotion, splitMotions } from '../../src/motion/parseMotion.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/motions/${name}`, import.meta.url), 'utf8');

describe('parseMotion', () => {
  test('takes a first line standing alone as the title', () => {
    const motion = parseMotion('Council homes now\n\nConference notes that waiting lists have grown.');
    expect(motion.title).toBe('Council homes now');
    expect(motion.body).toBe('Conference notes that waiting lists have grown.');
  });

  test('takes a Markdown heading or a "Title:" line as the title', () => {
    expect(parseMotion('# Fair rents\nConference notes…').title).toBe('Fair rents');
    expect(parseMotion('Title: Fair rents\nConference notes…').title).toBe('Fair rents');
  });

  test('finds no title when the text starts with the motion itself', () => {
    const motion = parseMotion('Conference notes that waiting lists have grown.\n\nConference resolves to act.');
    expect(motion.title).toBeUndefined();
    expect(motion.body).toMatch(/^Conference notes/);
  });

  test('reads a "Motion 3 – Anytown CLP" line as a heading, then the title below it', () => {
    const motion = parseMotion('Motion 3 – Anytown CLP\n\nFair rents\n\nConference notes…');
    expect(motion).toEqual({ heading: 'Motion 3 – Anytown CLP', number: '3', organisation: 'Anytown CLP', title: 'Fair rents', body: 'Conference notes…' });
  });
});

describe('splitMotions', () => {
  test('splits a pasted CAC report at its motion headings and leaves out the preamble', () => {
    const motions = splitMotions(fixture('housing-cac.md'));
    expect(motions.map((m) => m.heading)).toEqual([
      'Motion 1 – Anytown CLP',
      'Motion 2 – Riverside CLP',
      'Motion 3 – Hilltop CLP',
      "Motion 4 – Example Workers' Union",
      'Motion 5 – Lakeside CLP',
    ]);
    expect(motions[3]!.title).toBe('Skills to build the homes we need');
    expect(motions.map((m) => m.body).join('\n')).not.toMatch(/Pasted from the CAC report/);
  });

  test('splits at repeated Markdown headings but never at part labels', () => {
    const text = '## Housing (Anytown CLP)\n\n### Conference notes\nRents rose.\n\n## Housing (Riverside CLP)\n\nConference notes that rents rose.';
    const motions = splitMotions(text);
    expect(motions.map((m) => m.heading)).toEqual(['Housing (Anytown CLP)', 'Housing (Riverside CLP)']);
    expect(motions[0]!.body).toContain('Rents rose.');
  });

  test('keeps a file with one motion as one motion', () => {
    expect(splitMotions(fixture('housing/anytown.txt'))).toHaveLength(1);
  });
});

describe('findParts', () => {
  test('finds notes, believes and resolves, and the numbered demands', () => {
    const parts = findParts(parseMotion(fixture('housing/anytown.txt')).body);
    expect(parts.notes).toMatch(/^Conference notes that waiting lists/);
    expect(parts.believes).toMatch(/^Conference believes that a secure/);
    expect(parts.demands).toEqual([
      'Build at least 150,000 council homes a year, with secure tenancies and rents linked to local incomes.',
      'Give councils the power to buy land at existing use value.',
      'End the right to buy for new council homes.',
      'Introduce rent controls in the private rented sector, with open-ended tenancies and an end to no-fault evictions.',
    ]);
  });

  test('reads "calls on" as resolving, and splits a prose resolves at sentences and semicolons', () => {
    const parts = findParts('Conference notes rising rents. Conference calls on the NEC to campaign for rent controls; to end no-fault evictions. It asks members to help.');
    expect(parts.believes).toBeUndefined();
    expect(parts.demands).toEqual(['Conference calls on the NEC to campaign for rent controls', 'to end no-fault evictions.', 'It asks members to help.']);
  });

  test('has no demands without a resolves part', () => {
    expect(findParts('We want more council homes.').demands).toEqual([]);
    expect(demands('Conference resolves:\n\n- to build homes\n- to cap rents')).toEqual(['to build homes', 'to cap rents']);
  });
});

describe('findParts, wording', () => {
  test('starts a part at "This Conference", and reads "and therefore calls on" as resolving', () => {
    const parts = findParts('This Conference notes rising rents. This Conference believes homes are a right and therefore calls on the NEC to act.');
    expect(parts.notes).toBe('This Conference notes rising rents.');
    expect(parts.believes).toBe('This Conference believes homes are a right');
    expect(parts.resolves).toBe('and therefore calls on the NEC to act.');
  });

  test('reads the verb after adverbs in any case, and "calls upon" after "We"', () => {
    const parts = findParts('CONFERENCE FURTHER NOTES rising rents. Conference Also Firmly believes homes are a right. We call upon the NEC to act.');
    expect(parts.notes).toBe('CONFERENCE FURTHER NOTES rising rents.');
    expect(parts.believes).toBe('Conference Also Firmly believes homes are a right.');
    expect(parts.resolves).toBe('We call upon the NEC to act.');
    expect(findParts('Conference notes that the conference’s view is noted; it resolved nothing.').resolves).toBeUndefined();
  });

  test('does not read a bare "calls for" inside a sentence as resolving', () => {
    expect(findParts('Conference notes that the council calls for calm.').resolves).toBeUndefined();
  });
});
