import { checkMotion } from '../../src/motion/checkMotion.js';
import { findParts } from '../../src/motion/findParts.js';
import { parseMotion, splitMotions } from '../../src/motion/parseMotion.js';

describe('titles', () => {
  test('a short first line with no full stop, run straight into the text', () => {
    expect(parseMotion('Ending rough sleeping\nConference notes that rough sleeping has doubled since 2010.')).toEqual({
      title: 'Ending rough sleeping',
      body: 'Conference notes that rough sleeping has doubled since 2010.',
    });
  });

  test('but not the first line of a wrapped sentence', () => {
    expect(parseMotion('Conference notes that rough sleeping has doubled in\nevery city since 2010.').title).toBeUndefined();
    expect(parseMotion('We want more council homes for the\nfamilies on our waiting list.').title).toBeUndefined();
  });

  test('"Motion 18 Title": the number in the heading, the rest the title', () => {
    const motion = parseMotion('Motion 18 Ending the homelessness crisis\nConference notes that rough sleeping has doubled.');
    expect(motion).toMatchObject({ number: '18', title: 'Ending the homelessness crisis', body: 'Conference notes that rough sleeping has doubled.' });
  });
});

describe('splitting documents', () => {
  test('a CAC report: "Motion N – Organisation", an amendment kept under its motion', () => {
    const motions = splitMotions(
      'Preamble.\n\nMotion 1 \u2013 Anytown CLP\n\nFair rents\n\nConference notes X.\n\nAmendment 1.1 \u2013 Hilltop CLP\n\nAdd at the end: "now".\n\nMotion 2 \u2013 Riverside CLP\n\nWarm homes\n\nConference notes Y.',
    );
    expect(motions.map((m) => [m.number, m.organisation, m.title, m.body])).toEqual([
      ['1', 'Anytown CLP', 'Fair rents', 'Conference notes X.'],
      ['2', 'Riverside CLP', 'Warm homes', 'Conference notes Y.'],
    ]);
    expect(motions[0]!.amendments).toEqual([expect.objectContaining({ number: '1.1', organisation: 'Hilltop CLP', body: 'Add at the end: "now".' })]);
  });

  test('composites as "Composite 8" and "C9", with "Mover:" and "Seconder:" lines taken out of the text', () => {
    const motions = splitMotions('Composite 8: Housing\nMover: Anytown CLP\nSeconder: Riverside CLP\n\nConference notes X.\n\nC9 Transport\n\nProposed by Lakeside CLP\n\nConference notes Y.');
    expect(motions.map((m) => [m.number, m.organisation, m.title, m.body])).toEqual([
      ['C8', 'Anytown CLP', 'Housing', 'Conference notes X.'],
      ['C9', 'Lakeside CLP', 'Transport', 'Conference notes Y.'],
    ]);
  });

  test('a union final agenda: a number and title, the organisation on its own line, "Amendment – Union"', () => {
    const motions = splitMotions(
      '10 Vulnerable and atypical workers\nExample Union Eastern Region\n\nCongress notes X.\n\nAmendment \u2013 North West Branch\n\nAdd a point.\n\n11 Safe staffing in care\nCare Workers Section\n\nCongress notes Y.',
    );
    expect(motions.map((m) => [m.number, m.organisation, m.title, m.body])).toEqual([
      ['10', 'Example Union Eastern Region', 'Vulnerable and atypical workers', 'Congress notes X.'],
      ['11', 'Care Workers Section', 'Safe staffing in care', 'Congress notes Y.'],
    ]);
    expect(motions[0]!.amendments?.[0]).toMatchObject({ organisation: 'North West Branch', body: 'Add a point.' });
  });

  test('an organisation in brackets after a Markdown heading', () => {
    const motions = splitMotions('## Housing (Anytown CLP)\n\nConference notes X.\n\n## Transport (Riverside CLP)\n\nConference notes Y.');
    expect(motions.map((m) => m.organisation)).toEqual(['Anytown CLP', 'Riverside CLP']);
  });
});

describe('union, model and campaign motions', () => {
  test('a union motion keeps its notes, and its demands are the points under "calls on … to:"', () => {
    const parts = findParts(
      'Congress notes the growth of zero-hours contracts.\n\nCongress therefore calls on the General Council to:\n\ni. campaign for a single status of worker;\nii. press for a right of access;\niii. produce organising materials.',
    );
    expect(parts.notes).toBe('Congress notes the growth of zero-hours contracts.');
    expect(parts.voice).toBe('congress');
    expect(parts.demands).toEqual(['campaign for a single status of worker;', 'press for a right of access;', 'produce organising materials.']);
    expect(findParts('Congress calls on the General Council to:\n\na. campaign;\nb. organise.').demands).toEqual(['campaign;', 'organise.']);
  });

  test('"This branch" and "This CLP" mark parts; "the union notes" in a sentence does not', () => {
    const parts = findParts('This branch notes rising rents. This CLP believes homes are a right. This branch resolves to write to our MP.');
    expect([parts.notes, parts.believes, parts.resolves]).toEqual(['This branch notes rising rents.', 'This CLP believes homes are a right.', 'This branch resolves to write to our MP.']);
    expect(findParts('Our members say the union notes every complaint.').notes).toBeUndefined();
  });

  test('a campaign motion: its demands are the sentences that ask', () => {
    const parts = findParts('Our rivers are full of sewage. Labour must bring water into public ownership. We call on the leadership to make it a pledge. It would be popular.');
    expect(parts.demandsFrom).toBe('asks');
    expect(parts.demands).toEqual(['Labour must bring water into public ownership.', 'We call on the leadership to make it a pledge.']);
  });

  test('check says which form it read, and judges structure by it', () => {
    const union = checkMotion('Safe staffing\n\nCongress notes X.\n\nCongress calls on the General Council to:\n\ni. campaign;\nii. organise.');
    expect(union.form).toBe('union conference');
    expect(union.checks.find((c) => c.id === 'structure')).toMatchObject({ status: 'pass', message: 'Notes and calls on, with 2 demands.' });
    const campaign = checkMotion('Clean rivers\n\nOur rivers are full of sewage. Labour must act now.');
    expect(campaign.form).toBe('campaign');
    expect(campaign.checks.find((c) => c.id === 'structure')?.status).toBe('pass');
    expect(checkMotion('Meals\n\nThis branch notes X. This branch believes Y. This branch resolves to Z.').form).toBe('model motion');
  });
});
