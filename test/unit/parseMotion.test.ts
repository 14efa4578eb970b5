// What parseMotion and splitMotions read from a motion as a delegate pastes it: its heading,
// number, organisation, title and text, and where a document of several splits. Written for the
// survivors of mutation testing (docs/MUTATION.md); the motions are invented (rents, buses, care
// work), as in test/fixtures/motions.
import { looksLikeOrganisation, type MotionText, parseMotion, splitMotions } from '../../src/motion/parseMotion.js';

const NOTES = 'Conference notes that private rents in Anytown rose by a fifth last year.';
const RESOLVES = 'Conference resolves to campaign for rent controls.';

/** Number, organisation, title and text of each motion of a document. */
const read = (motions: MotionText[]) => motions.map((m) => [m.number, m.organisation, m.title, m.body]);

describe('a title above the text', () => {
  test('a bold, underlined or quoted title loses the marks round it, not marks inside it', () => {
    expect(parseMotion(`**Fair rents**\n\n${NOTES}`)).toStrictEqual({ title: 'Fair rents', body: NOTES });
    expect(parseMotion(`__Fair rents__\n\n${NOTES}`).title).toBe('Fair rents');
    // Pasted from a word processor, the bold often takes the space after the words.
    expect(parseMotion(`** Fair rents **\n\n${NOTES}`).title).toBe('Fair rents');
    expect(parseMotion(`\u201cFair rents now\u201d\n\n${NOTES}`).title).toBe('Fair rents now');
    expect(parseMotion(`Scrap the \u2018bedroom tax\u2019\n\n${NOTES}`).title).toBe('Scrap the \u2018bedroom tax\u2019');
    expect(parseMotion(`\u2018Right to buy\u2019 must end\n\n${NOTES}`).title).toBe('\u2018Right to buy\u2019 must end');
    expect(parseMotion(`Council homes *now*\n\n${NOTES}`).title).toBe('Council homes *now*');
    expect(parseMotion(`**Fair rents** for Anytown\n\n${NOTES}`).title).toBe('**Fair rents** for Anytown');
  });

  test('a title may hold a comma or colon inside; a first line ending in a full stop is text', () => {
    expect(parseMotion(`Buses, trams and trains: one ticket\n\n${NOTES}`).title).toBe('Buses, trams and trains: one ticket');
    // A space left after the full stop changes nothing.
    expect(parseMotion(`Rents have risen again. \n\n${NOTES}`)).toStrictEqual({ body: `Rents have risen again. \n\n${NOTES}` });
  });

  test('a line with nothing below it is the text, not a title', () => {
    expect(parseMotion('Fair rents for all')).toStrictEqual({ body: 'Fair rents for all' });
  });

  test('"Title:" with no space after the colon, a space before it, or indented', () => {
    expect(parseMotion(`Title:Fair rents\n${NOTES}`)).toStrictEqual({ title: 'Fair rents', body: NOTES });
    expect(parseMotion(`Title : Fair rents\n${NOTES}`).title).toBe('Fair rents');
    expect(parseMotion(`  Title: Fair rents\n${NOTES}`).title).toBe('Fair rents');
  });

  test('blank lines, or lines of spaces, before and after the title', () => {
    expect(parseMotion(`\nFair rents\n\n${NOTES}`)).toStrictEqual({ title: 'Fair rents', body: NOTES });
    expect(parseMotion(`   \nFair rents\n \t \n${NOTES}`)).toStrictEqual({ title: 'Fair rents', body: NOTES });
  });

  test('nothing but blank lines is an empty motion', () => {
    expect(parseMotion('')).toStrictEqual({ body: '' });
    expect(parseMotion('  \n\n\t\n')).toStrictEqual({ body: '' });
  });
});

describe('a title run straight into the text', () => {
  test('is short, and the line below starts a sentence of its own', () => {
    expect(parseMotion('Ending rough sleeping\nRough sleeping in Anytown has doubled since 2010.')).toStrictEqual({
      title: 'Ending rough sleeping',
      body: 'Rough sleeping in Anytown has doubled since 2010.',
    });
  });

  test('not a line of more than twelve words', () => {
    const text =
      'Why every town and city in the country needs a new council housing programme\nWaiting lists have doubled since 2010 and more families than ever before are living in temporary homes.';
    expect(parseMotion(text)).toStrictEqual({ body: text });
  });

  test('not a line that stops at "the", though the line below starts with a capital', () => {
    const text = 'Bus fares went up again this year on the\nRiverside and Hilltop routes run by Example Buses, and services were cut.';
    expect(parseMotion(text)).toStrictEqual({ body: text });
  });

  test('only a line under four fifths as long as the line below', () => {
    // 19 and 20 characters, above a line of 25.
    expect(parseMotion('Pensions for carers\nCare staff retire poorer.').title).toBe('Pensions for carers');
    expect(parseMotion('Pensions for all now\nCare staff retire poorer.')).toStrictEqual({ body: 'Pensions for all now\nCare staff retire poorer.' });
  });
});

describe('a motion heading', () => {
  test('"Motion 3" alone: the organisation and the title are on the lines below', () => {
    expect(parseMotion(`Motion 3\n\nAnytown CLP\n\nFair rents\n\n${NOTES}`)).toStrictEqual({
      heading: 'Motion 3',
      number: '3',
      organisation: 'Anytown CLP',
      title: 'Fair rents',
      body: NOTES,
    });
    expect(parseMotion(`Motion 3\n\nFair rents\n\n${NOTES}`)).toStrictEqual({ heading: 'Motion 3', number: '3', title: 'Fair rents', body: NOTES });
    expect(parseMotion(`Motion 3 \u2013 Anytown CLP\n\n${NOTES}`)).toStrictEqual({
      heading: 'Motion 3 \u2013 Anytown CLP',
      number: '3',
      organisation: 'Anytown CLP',
      body: NOTES,
    });
  });

  test.each<[string, string | undefined, string | undefined]>([
    ['Motion 12: Fair rents \u2013 Anytown CLP', 'Anytown CLP', 'Fair rents'],
    ['Motion 12 \u2013 Anytown CLP: Fair rents', 'Anytown CLP', 'Fair rents'],
    ['Motion 12 Fair rents \u2013 Anytown CLP', 'Anytown CLP', 'Fair rents'],
    ['Motion 12 Fair rents - Anytown CLP', 'Anytown CLP', 'Fair rents'],
    ['Motion 12 Fair rents (Anytown CLP)', 'Anytown CLP', 'Fair rents'],
    ['Motion 12 \u2013 Fair rents \u2013 (Anytown CLP)', 'Anytown CLP', 'Fair rents'],
    ['Motion 12 Fair rents: (Anytown CLP)', 'Anytown CLP', 'Fair rents'],
    ['Motion 12: Zero-hours contracts (Example Union)', 'Example Union', 'Zero-hours contracts'],
    ['Motion 12 (Anytown CLP)', 'Anytown CLP', undefined],
    ['Motion 12 ( Anytown CLP )', 'Anytown CLP', undefined],
    ['Motion 12 *Anytown CLP*', 'Anytown CLP', undefined],
    ['Motion 12 Housing(Anytown CLP)', 'Anytown CLP', 'Housing'],
    // A dash or a bracket with no organisation on either side: all of it is the title.
    ['Motion 12: Council housing \u2013 the way forward', undefined, 'Council housing \u2013 the way forward'],
    ['Motion 12: Back the Riverside Bus Workers (Unite) pay claim', undefined, 'Back the Riverside Bus Workers (Unite) pay claim'],
    // A space missing after the colon.
    ['Motion 12:Fair rents', undefined, 'Fair rents'],
    ['Motion 12 \u2013 Anytown CLP:Fair rents', 'Anytown CLP', 'Fair rents'],
  ])('%s', (heading, organisation, title) => {
    const motion = parseMotion(`${heading}\n\n${NOTES}`);
    expect([motion.number, motion.organisation, motion.title, motion.body]).toStrictEqual(['12', organisation, title, NOTES]);
  });

  test('a title in the heading: a title-like first line below stays in the text', () => {
    expect(parseMotion(`Motion 3: Fair rents\n\nA fair deal for private renters\n\n${NOTES}`)).toStrictEqual({
      heading: 'Motion 3: Fair rents',
      number: '3',
      title: 'Fair rents',
      body: `A fair deal for private renters\n\n${NOTES}`,
    });
  });

  test('"Emergency motion 1" is numbered E1', () => {
    expect(parseMotion(`Emergency motion 1 \u2013 Anytown CLP\n\nBus cuts\n\n${NOTES}`)).toMatchObject({ number: 'E1', organisation: 'Anytown CLP', title: 'Bus cuts' });
  });

  test('behind Markdown marks, "#" to "######", indented by up to three spaces', () => {
    for (const marks of ['# ', '## ', '   ## ', '###### ']) {
      expect(parseMotion(`${marks}Motion 3 \u2013 Anytown CLP\n\nFair rents\n\n${NOTES}`)).toStrictEqual({
        heading: 'Motion 3 \u2013 Anytown CLP',
        number: '3',
        organisation: 'Anytown CLP',
        title: 'Fair rents',
        body: NOTES,
      });
    }
  });

  test('behind Markdown marks closed at the end too ("## Motion 3 ##")', () => {
    expect(parseMotion(`## Motion 3 \u2013 Anytown CLP ##\n\nFair rents\n\n${NOTES}`)).toStrictEqual({
      heading: 'Motion 3 \u2013 Anytown CLP',
      number: '3',
      organisation: 'Anytown CLP',
      title: 'Fair rents',
      body: NOTES,
    });
    expect(read(splitMotions(`# C8: Housing #\n\n${NOTES}\n\n# C9: Transport #\n\n${RESOLVES}`))).toStrictEqual([
      ['C8', undefined, 'Housing', NOTES],
      ['C9', undefined, 'Transport', RESOLVES],
    ]);
  });

  test('a heading of 14 words is a heading', () => {
    const motion = parseMotion(`Motion 12 \u2013 Anytown CLP: A fair deal for private renters in every town\n\n${NOTES}`);
    expect([motion.number, motion.organisation, motion.title]).toStrictEqual(['12', 'Anytown CLP', 'A fair deal for private renters in every town']);
  });

  test('after blank lines', () => {
    expect(parseMotion(`\n  \nMotion 3 \u2013 Anytown CLP\n\nFair rents\n\n${NOTES}`)).toMatchObject({ number: '3', organisation: 'Anytown CLP', title: 'Fair rents', body: NOTES });
  });

  test('with nothing below it', () => {
    expect(parseMotion('Motion 3 \u2013 Anytown CLP')).toStrictEqual({ heading: 'Motion 3 \u2013 Anytown CLP', number: '3', organisation: 'Anytown CLP', body: '' });
    expect(parseMotion('Motion 3\n\n')).toStrictEqual({ heading: 'Motion 3', number: '3', body: '' });
  });
});

describe('the organisation, and titles that are not one', () => {
  test('on the line below the heading: bold with a space after it, several, bracketed, with a number', () => {
    const below = (line: string) => parseMotion(`Motion 3\n${line}\n\nFair rents\n\n${NOTES}`);
    expect(below('**Anytown CLP** ')).toStrictEqual({ heading: 'Motion 3', number: '3', organisation: 'Anytown CLP', title: 'Fair rents', body: NOTES });
    expect(below('Anytown, Riverside and Hilltop CLPs').organisation).toBe('Anytown, Riverside and Hilltop CLPs');
    expect(below('Care Workers (Unison), Riverside').organisation).toBe('Care Workers (Unison), Riverside');
    expect(below('Unison Branch 94').organisation).toBe('Unison Branch 94');
    // Eight words, the most a name has; pasted with two spaces in it.
    expect(below("Anytown and District Trades Union Council  Women's Section").organisation).toBe("Anytown and District Trades Union Council  Women's Section");
  });

  test('a title naming a union, the conference or "this union" is a title', () => {
    const title = (text: string) => {
      const motion = parseMotion(text);
      return [motion.organisation, motion.title];
    };
    expect(title(`Motion 9: Conference and the Union Link\n\n${NOTES}`)).toStrictEqual([undefined, 'Conference and the Union Link']);
    expect(title(`Motion 10: Congress and the Trade Union Bill\n\n${NOTES}`)).toStrictEqual([undefined, 'Congress and the Trade Union Bill']);
    expect(title(`Motion 4\n\nThis Union Welcomes Refugees\n\n${NOTES}`)).toStrictEqual([undefined, 'This Union Welcomes Refugees']);
    expect(title(`Motion 2\n\nSupport for trade union rights\n\n${NOTES}`)).toStrictEqual([undefined, 'Support for trade union rights']);
    expect(title(`Motion 7\n\nStand Up For The Rights Of Every Member Of Our Union\n\n${NOTES}`)).toStrictEqual([
      undefined,
      'Stand Up For The Rights Of Every Member Of Our Union',
    ]);
    // The organisation is in the heading, so the line below is the title whatever it looks like.
    expect(title(`Motion 3 \u2013 Anytown CLP\n\nTrade Union Freedom Bill\n\n${NOTES}`)).toStrictEqual(['Anytown CLP', 'Trade Union Freedom Bill']);
  });

  test('a line ending in an exclamation mark is not a name', () => {
    expect(parseMotion(`Motion 5\n\nDefend Our Union!\n\n${NOTES}`)).toStrictEqual({ heading: 'Motion 5', number: '5', body: `Defend Our Union!\n\n${NOTES}` });
  });

  test('from a "Proposed by" line below the title', () => {
    expect(parseMotion(`Motion 3\n\nFair rents\n\n${NOTES}\n\nProposed by Anytown CLP`)).toStrictEqual({
      heading: 'Motion 3',
      number: '3',
      organisation: 'Anytown CLP',
      title: 'Fair rents',
      body: NOTES,
    });
  });

  test('from a "Proposed by" line in italics just below the heading, without the words "Proposed by"', () => {
    for (const line of ['*Proposed by Anytown CLP*', '_Mover: Anytown CLP_', '**Proposed by Anytown CLP**']) {
      expect(parseMotion(`Motion 4\n\n${line}\n\nFair rents\n\n${NOTES}`)).toStrictEqual({
        heading: 'Motion 4',
        number: '4',
        organisation: 'Anytown CLP',
        title: 'Fair rents',
        body: NOTES,
      });
    }
  });

  test('a "Proposed by" line naming a person does not replace the organisation in the heading', () => {
    expect(parseMotion(`Motion 3 \u2013 Anytown CLP\n\nFair rents\n\n${NOTES}\n\nProposed by Sam Patel`)).toStrictEqual({
      heading: 'Motion 3 \u2013 Anytown CLP',
      number: '3',
      organisation: 'Anytown CLP',
      title: 'Fair rents',
      body: NOTES,
    });
  });

  test('looksLikeOrganisation, on a line as pasted', () => {
    expect(looksLikeOrganisation('  Riverside Care Workers (Unison)  ')).toBe(true);
    expect(looksLikeOrganisation('   ')).toBe(false);
  });
});

describe('lines naming who moves or seconds it', () => {
  test.each([
    'Proposed by Anytown CLP',
    'Mover: Anytown CLP',
    'Moved: Anytown CLP',
    'Tabled by Anytown CLP',
    'Tabled: Anytown CLP',
    '**Proposed by Anytown CLP**',
    '__Proposed by Anytown CLP__',
    '  Proposed by Anytown CLP',
  ])('"%s" is taken out of the text, and names the organisation', (line) => {
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\n${line}`)).toStrictEqual({ organisation: 'Anytown CLP', title: 'Fair rents', body: NOTES });
  });

  test('a line indented with non-breaking spaces, as Word pastes it, is taken out too', () => {
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\n\u00a0\u00a0Proposed by Anytown CLP\n\u00a0\u00a0Seconded by Riverside CLP`)).toStrictEqual({
      organisation: 'Anytown CLP',
      title: 'Fair rents',
      body: NOTES,
    });
  });

  test('a seconder is taken out, and is not the organisation', () => {
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\n\tSeconded by Riverside CLP`)).toStrictEqual({ title: 'Fair rents', body: NOTES });
  });

  test('a sentence starting "Proposed", "Submitted" or "Seconded" is text, as is a title starting "Proposed"', () => {
    const body = `${NOTES}\n\nProposed cuts to bus routes will cut off villages.\n\nSubmitted plans show 300 homes.\n\nSeconded staff lose their pay rise.\n\n${RESOLVES}`;
    expect(parseMotion(`Fair rents\n\n${body}`)).toStrictEqual({ title: 'Fair rents', body });
    expect(parseMotion(`Motion 5\n\nProposed closure of Anytown library\n\n${NOTES}`)).toStrictEqual({
      heading: 'Motion 5',
      number: '5',
      title: 'Proposed closure of Anytown library',
      body: NOTES,
    });
    expect(parseMotion(`Proposed bypass for Anytown\n\n${NOTES}`)).toStrictEqual({ title: 'Proposed bypass for Anytown', body: NOTES });
    // The forms that name who moves it keep working: a colon after the word alone.
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\nProposed: Anytown CLP\nSeconder: Riverside CLP`)).toStrictEqual({ organisation: 'Anytown CLP', title: 'Fair rents', body: NOTES });
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\nSubmitted by: Anytown CLP\nSeconded: Riverside CLP`)).toStrictEqual({ organisation: 'Anytown CLP', title: 'Fair rents', body: NOTES });
  });

  test('up to ten words after "Proposed by"; a longer line is a sentence of the motion', () => {
    const movers = 'Anytown, Riverside, Hilltop, Lakeside and Westside CLPs and Example Union';
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\nProposed by ${movers}`)).toStrictEqual({ organisation: movers, title: 'Fair rents', body: NOTES });
    const sentence = 'Proposed by the government in 2025, the Renters Bill would have ended no-fault evictions.';
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\n${sentence}`)).toStrictEqual({ title: 'Fair rents', body: `${NOTES}\n\n${sentence}` });
  });

  test('up to eleven words in a seconder line (with a space left at its end); a longer line is a sentence', () => {
    const seconders = 'Seconded by Anytown, Riverside, Hilltop and Lakeside CLPs and Example Union ';
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\n${seconders}`)).toStrictEqual({ title: 'Fair rents', body: NOTES });
    const sentence = 'Seconded by the council leader, the cuts budget passed by a single vote in March.';
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\n${sentence}`)).toStrictEqual({ title: 'Fair rents', body: `${NOTES}\n\n${sentence}` });
  });
});

describe('a number and title, the organisation on the line below (a union final agenda)', () => {
  const motion = {
    heading: '10 Vulnerable and atypical workers',
    number: '10',
    organisation: 'Example Union Eastern Region',
    title: 'Vulnerable and atypical workers',
    body: 'Congress notes the growth of zero-hours contracts.',
  };

  test('alone, with the organisation just below, or below a blank line or a line of spaces', () => {
    for (const gap of ['\n', '\n\n', '\n   \n']) {
      expect(parseMotion(`10 Vulnerable and atypical workers${gap}Example Union Eastern Region\n\n${motion.body}`)).toStrictEqual(motion);
    }
    // A space left at the end of the title is not part of the heading.
    expect(parseMotion(`10 Vulnerable and atypical workers \nExample Union Eastern Region\n\n${motion.body}`)).toStrictEqual(motion);
  });

  test('a title of twelve words', () => {
    const title = 'Protecting pensions and pay for workers in the public and voluntary sectors';
    expect(parseMotion(`7 ${title}\nExample Union\n\n${motion.body}`)).toMatchObject({ number: '7', organisation: 'Example Union', title });
  });

  test('any short line starting with a capital names the organisation, with no word such as "union" in it', () => {
    const motions = splitMotions(
      '9 Fair pay for carers\nCare Workers Section\n\nCongress notes X.\n\n10 Safe staffing\nNorth West\n\nCongress notes Y.\n\n11 Rail\nScotland, Rail Sector\n\nCongress notes Z.',
    );
    expect(read(motions)).toStrictEqual([
      ['9', 'Care Workers Section', 'Fair pay for carers', 'Congress notes X.'],
      ['10', 'North West', 'Safe staffing', 'Congress notes Y.'],
      ['11', 'Scotland, Rail Sector', 'Rail', 'Congress notes Z.'],
    ]);
  });

  test('two lines down, past a blank line and a line of spaces', () => {
    const motions = splitMotions('11 Safe staffing in care\n\n  \nCare Workers Section\n\nCongress notes Y.\n\n12 Fair pay\nNorth West\n\nCongress notes Z.');
    expect(read(motions)).toStrictEqual([
      ['11', 'Care Workers Section', 'Safe staffing in care', 'Congress notes Y.'],
      ['12', 'North West', 'Fair pay', 'Congress notes Z.'],
    ]);
  });

  test('indented, as text taken from a PDF often is', () => {
    const motions = splitMotions(' 12 Fair pay for carers\n Care Workers Section\n\n Congress notes X.\n\n 13 Safe staffing\n North West\n\n Congress notes Y.');
    expect(motions.map((m) => [m.heading, m.organisation, m.body])).toStrictEqual([
      ['12 Fair pay for carers', 'Care Workers Section', 'Congress notes X.'],
      ['13 Safe staffing', 'North West', 'Congress notes Y.'],
    ]);
  });

  test('not when the line below is text: a part of the motion, a sentence, a long line, a list', () => {
    expect(parseMotion('12 Safe staffing\nCongress believes that every ward\nneeds enough nurses on every shift.')).toStrictEqual({
      title: '12 Safe staffing',
      body: 'Congress believes that every ward\nneeds enough nurses on every shift.',
    });
    expect(parseMotion('7 Fair pay for carers\nCare work is skilled work.')).toStrictEqual({ body: '7 Fair pay for carers\nCare work is skilled work.' });
    // Too long to be a name: a sentence the title runs into.
    expect(parseMotion('7 Fair pay for carers\nCare workers in every town and city deserve a proper pay rise')).toStrictEqual({
      title: '7 Fair pay for carers',
      body: 'Care workers in every town and city deserve a proper pay rise',
    });
    const list = '- cap rents at a third of income\n- end no-fault evictions';
    expect(splitMotions(`5 Demands for Fair Rents\n${list}`)).toStrictEqual([{ title: '5 Demands for Fair Rents', body: list, start: 0 }]);
  });

  test('not a list of numbered demands written without dots: the next number names no organisation', () => {
    const text = `Fair rents\n\n${RESOLVES}\n\n1 Build council homes\n2 Cap rents\n3 End no-fault evictions`;
    expect(splitMotions(text)).toStrictEqual([{ title: 'Fair rents', body: text.slice('Fair rents\n\n'.length), start: 0 }]);
    const list = '1 Build council homes\n2 Cap rents\n3 End no-fault evictions';
    expect(parseMotion(list)).toStrictEqual({ body: list });
  });

  test('not the last of such a list with the mover line straight below it: it follows the number above', () => {
    const text = `Fair rents\n\n${RESOLVES}\n1 Build council homes\n2 Cap rents\n3 End no-fault evictions\nProposed: Anytown CLP`;
    expect(splitMotions(text)).toHaveLength(1);
    expect(splitMotions(text)[0]!.body).toContain('3 End no-fault evictions');
    // A numbered title that does not follow the number above still starts a motion.
    const two = `10 Fair rents\nAnytown CLP\n${NOTES}\n3 Build council homes\n11 Bus services\nRiverside CLP\n${NOTES}`;
    expect(splitMotions(two).map((m) => m.number)).toStrictEqual(['10', '11']);
  });

  test('not when nothing is below it, nor a number and a title of thirteen words', () => {
    expect(parseMotion(`10 Reasons to Build Council Homes\n\n${NOTES}`)).toStrictEqual({ title: '10 Reasons to Build Council Homes', body: NOTES });
    // A date at the end of a report.
    expect(read(splitMotions(`Motion 1 \u2013 Anytown CLP\n\n${NOTES}\n\n12 June 2026`))).toStrictEqual([['1', 'Anytown CLP', undefined, `${NOTES}\n\n12 June 2026`]]);
    // A numbered demand wrapped onto a second line that starts with a place name.
    const wrapped = `Fair rents\n\n${RESOLVES}\n\n3 Councils must be given the money and the land to build homes in\nAnytown and Riverside by 2030`;
    expect(splitMotions(wrapped)).toStrictEqual([{ title: 'Fair rents', body: wrapped.slice('Fair rents\n\n'.length), start: 0 }]);
  });
});

describe('splitting a document', () => {
  test('a file with no headings is one motion, starting at 0', () => {
    expect(splitMotions(`Fair rents\n\n${NOTES}`)).toStrictEqual([{ title: 'Fair rents', body: NOTES, start: 0 }]);
  });

  test('each motion starts where its heading does', () => {
    const text = `Preamble.\n\nMotion 1 \u2013 Anytown CLP\n\n${NOTES}\n\nMotion 2 \u2013 Riverside CLP\n\n${RESOLVES}`;
    expect(splitMotions(text).map((m) => m.start)).toStrictEqual([text.indexOf('Motion 1'), text.indexOf('Motion 2')]);
  });

  test('at "# Motion 1" headings', () => {
    const motions = splitMotions(`# Motion 1 \u2013 Anytown CLP\n\n${NOTES}\n\n# Motion 2 \u2013 Riverside CLP\n\n${RESOLVES}`);
    expect(read(motions)).toStrictEqual([
      ['1', 'Anytown CLP', undefined, NOTES],
      ['2', 'Riverside CLP', undefined, RESOLVES],
    ]);
  });

  test('at Markdown headings, with no number or organisation when they name none', () => {
    const text = `## Fair rents\n\n${NOTES}\n\n## Clean buses\n\n${RESOLVES}`;
    expect(splitMotions(text)).toStrictEqual([
      { heading: 'Fair rents', body: NOTES, start: 0 },
      { heading: 'Clean buses', body: RESOLVES, start: text.indexOf('## Clean') },
    ]);
  });

  test('at Markdown headings, the organisation on a line below', () => {
    const motions = splitMotions(`## Fair rents\n\nAnytown CLP\n\n${NOTES}\n\n## Clean buses\n\nRiverside CLP\n\n${RESOLVES}`);
    expect(motions.map((m) => m.organisation)).toStrictEqual(['Anytown CLP', 'Riverside CLP']);
  });

  test('at Markdown headings naming an organisation, a line below naming more wins', () => {
    const motions = splitMotions(`## Fair rents (Anytown CLP)\n\nProposed by Anytown and Riverside CLPs\n\n${NOTES}\n\n## Clean buses (Riverside CLP)\n\n${RESOLVES}`);
    expect(read(motions)).toStrictEqual([
      [undefined, 'Anytown and Riverside CLPs', undefined, NOTES],
      [undefined, 'Riverside CLP', undefined, RESOLVES],
    ]);
  });

  test('at the shallowest heading that repeats, not at the sections inside each motion', () => {
    const motions = splitMotions(`## Fair rents\n\n### Background\n\nRents rose.\n\n${NOTES}\n\n## Clean buses\n\n### Background\n\nFares rose.\n\n${RESOLVES}`);
    expect(motions.map((m) => m.heading)).toStrictEqual(['Fair rents', 'Clean buses']);
  });

  test('never at headings that label parts of one motion', () => {
    const text = '# Fair rents\n\n## Conference notes\n\nRents rose.\n\n## Conference resolves\n\nTo cap rents.';
    expect(splitMotions(text)).toStrictEqual([{ title: 'Fair rents', body: '## Conference notes\n\nRents rose.\n\n## Conference resolves\n\nTo cap rents.', start: 0 }]);
  });

  test('a line starting "Motion 2" is a heading only if it is short and has no full stop', () => {
    const text = [
      'Motion 1 \u2013 Anytown CLP',
      '',
      'Motion 2 was withdrawn by Riverside CLP.',
      "Motion 2 passed at last year's conference called on the NEC to publish a plan for",
      'rent controls in every region.',
    ].join('\n');
    expect(splitMotions(text).map((m) => m.heading)).toStrictEqual(['Motion 1 \u2013 Anytown CLP']);
  });

  test('"C3" with a number in its title', () => {
    expect(read(splitMotions(`C3 Net zero by 2030\n\n${NOTES}\n\nC4 Clean buses\n\n${RESOLVES}`))).toStrictEqual([
      ['C3', undefined, 'Net zero by 2030', NOTES],
      ['C4', undefined, 'Clean buses', RESOLVES],
    ]);
  });

  test('with Windows or old Mac line endings', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ['Motion 1 \u2013 Anytown CLP', '', 'Fair rents', '', NOTES, '', 'Motion 2 \u2013 Riverside CLP', '', RESOLVES].join(eol);
      expect(read(splitMotions(text))).toStrictEqual([
        ['1', 'Anytown CLP', 'Fair rents', NOTES],
        ['2', 'Riverside CLP', undefined, RESOLVES],
      ]);
      expect(parseMotion(['Fair rents', '', NOTES].join(eol))).toStrictEqual({ title: 'Fair rents', body: NOTES });
    }
  });

  test('a last motion with nothing below its heading, or one line with no full stop', () => {
    expect(read(splitMotions(`Motion 1 \u2013 Anytown CLP\n\n${NOTES}\n\nMotion 2 \u2013 Riverside CLP\n`))).toStrictEqual([
      ['1', 'Anytown CLP', undefined, NOTES],
      ['2', 'Riverside CLP', undefined, ''],
    ]);
    expect(read(splitMotions(`Motion 1 \u2013 Anytown CLP\n\n${NOTES}\n\nMotion 2\n\n`))).toStrictEqual([
      ['1', 'Anytown CLP', undefined, NOTES],
      ['2', undefined, undefined, ''],
    ]);
    expect(read(splitMotions(`Motion 1 \u2013 Anytown CLP\n\n${NOTES}\n\nMotion 2 \u2013 Riverside CLP\n\nWarm homes for all`))).toStrictEqual([
      ['1', 'Anytown CLP', undefined, NOTES],
      ['2', 'Riverside CLP', undefined, 'Warm homes for all'],
    ]);
  });
});

describe('amendments printed under their motion', () => {
  const MOTION = `Motion 1 \u2013 Anytown CLP\n\nFair rents\n\n${NOTES}`;

  test('with or without a number or an organisation, in bold, or in small letters', () => {
    const text = `${MOTION}\n\n**Amendment \u2013 Hilltop CLP**\n\nAdd at end: "now".\n\nAmendment 1.2\n\nDelete "a fifth".\n\namendment: Lakeside CLP\n\nDelete "last year".`;
    const [motion, ...rest] = splitMotions(text);
    expect(rest).toStrictEqual([]);
    expect(motion!.body).toBe(NOTES);
    expect(motion!.amendments).toStrictEqual([
      { heading: 'Amendment \u2013 Hilltop CLP', organisation: 'Hilltop CLP', body: 'Add at end: "now".', start: text.indexOf('**Amendment') },
      { heading: 'Amendment 1.2', number: '1.2', body: 'Delete "a fifth".', start: text.indexOf('Amendment 1.2') },
      { heading: 'amendment: Lakeside CLP', organisation: 'Lakeside CLP', body: 'Delete "last year".', start: text.indexOf('amendment:') },
    ]);
  });

  test('an amendment keeps all its lines, a first line without a full stop too', () => {
    const [motion] = splitMotions(`${MOTION}\n\nAmendment 1.1 \u2013 Hilltop CLP\n\nDelete point 3\n\nAdd a new point 3: "Cap rents."`);
    expect(motion!.amendments?.map((a) => a.body)).toStrictEqual(['Delete point 3\n\nAdd a new point 3: "Cap rents."']);
  });

  test('a title in its heading stays in its heading, not in its text', () => {
    const [motion] = splitMotions(`${MOTION}\n\nAmendment 1.1: Free school meals (Hilltop CLP)\n\nAdd at end: "and free school meals".`);
    expect(motion!.amendments).toStrictEqual([
      expect.objectContaining({ heading: 'Amendment 1.1: Free school meals (Hilltop CLP)', organisation: 'Hilltop CLP', body: 'Add at end: "and free school meals".' }),
    ]);
  });

  test('a file of amendments alone: each is read as one', () => {
    const motions = splitMotions('Amendment 1 \u2013 Anytown CLP\n\nDelete "all".\n\nAmendment 2 \u2013 Riverside CLP\n\nAdd at end: "now".');
    expect(read(motions)).toStrictEqual([
      ['1', 'Anytown CLP', undefined, 'Delete "all".'],
      ['2', 'Riverside CLP', undefined, 'Add at end: "now".'],
    ]);
  });
});

describe('an organisation on a line of its own beside the text, not below the heading', () => {
  test('just above "Motion 14:", with no blank line between: it names that motion, and leaves the text above', () => {
    const text = `Motion 13: Fair rents\nAnytown CLP\n\n${NOTES}\n\nRiverside CLP\nMotion 14: Clean buses\n\n${RESOLVES}`;
    const motions = splitMotions(text);
    expect(read(motions)).toStrictEqual([
      ['13', 'Anytown CLP', 'Fair rents', NOTES],
      ['14', 'Riverside CLP', 'Clean buses', RESOLVES],
    ]);
    expect(motions[1]!.start).toBe(text.indexOf('Riverside CLP'));
  });

  test('not when the heading names one, or the line below it does: the line stays where it is', () => {
    const named = splitMotions(`Motion 13: Fair rents\n\n${NOTES}\nRiverside CLP\nMotion 14 \u2013 Hilltop CLP\n\n${RESOLVES}`);
    expect(read(named)).toStrictEqual([
      ['13', undefined, 'Fair rents', `${NOTES}\nRiverside CLP`],
      ['14', 'Hilltop CLP', undefined, RESOLVES],
    ]);
    const below = splitMotions(`Motion 13\n\n${NOTES}\nRiverside CLP\nMotion 14\nHilltop CLP\n\n${RESOLVES}`);
    expect(below.map((m) => m.organisation)).toStrictEqual([undefined, 'Hilltop CLP']);
    expect(below[0]!.body).toBe(`${NOTES}\nRiverside CLP`);
  });

  test('the last line, below a blank line, names who moves it when nothing else does', () => {
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\nAnytown CLP`)).toStrictEqual({ organisation: 'Anytown CLP', title: 'Fair rents', body: NOTES });
    expect(parseMotion(`Fair rents\n\n${NOTES}\n\n**Example Union Eastern Region**\n\n`)).toStrictEqual({
      organisation: 'Example Union Eastern Region',
      title: 'Fair rents',
      body: NOTES,
    });
    // Above a heading with a blank line between, it is the last line of the motion above.
    const motions = splitMotions(`Motion 13: Fair rents\n\n${NOTES}\n\nRiverside CLP\n\nMotion 14: Clean buses\n\n${RESOLVES}`);
    expect(read(motions)).toStrictEqual([
      ['13', 'Riverside CLP', 'Fair rents', NOTES],
      ['14', undefined, 'Clean buses', RESOLVES],
    ]);
  });

  test('a last line that is text stays text: run on from the paragraph, a sentence, a list item, no name, or a name already known', () => {
    for (const text of [
      `Fair rents\n\n${NOTES}\nAnytown CLP`,
      `Fair rents\n\n${NOTES}\n\nConference thanks Anytown CLP.`,
      `Fair rents\n\n${NOTES}\n\n- Trade Union Congress`,
      `Fair rents\n\n${NOTES}\n\nRents Down Now`,
    ]) {
      const motion = parseMotion(text);
      expect(motion.organisation).toBeUndefined();
      expect(motion.body).toBe(text.slice(text.indexOf(NOTES)));
    }
    expect(parseMotion(`Motion 3 \u2013 Hilltop CLP\n\n${NOTES}\n\nRiverside CLP`)).toStrictEqual({
      heading: 'Motion 3 \u2013 Hilltop CLP',
      number: '3',
      organisation: 'Hilltop CLP',
      body: `${NOTES}\n\nRiverside CLP`,
    });
    const proposed = parseMotion(`Fair rents\n\n${NOTES}\n\nProposed by Hilltop CLP\n\nRiverside CLP`);
    expect(proposed.organisation).toBe('Hilltop CLP');
    expect(proposed.body).toMatch(/\nRiverside CLP$/);
  });
});
