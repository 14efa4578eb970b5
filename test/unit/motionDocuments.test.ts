import { UserError } from '../../src/errors.js';
import { type PlacedText, layOutPages } from '../../src/motion/pdfLayout.js';
import { pageAt, sniffFormat } from '../../src/motion/readMotionFile.js';
import { pickMotions } from '../../src/motion/readMotions.js';
import { wordHtmlToText } from '../../src/motion/wordHtml.js';

/** Lines of text as a PDF places them: one piece a line, 13 points apart, from `top` down. */
function column(lines: string[], { x = 60, top = 770, size = 10, font = 'regular', gapsAt = [] as number[] } = {}): PlacedText[] {
  let y = top;
  return lines.map((text, i) => {
    if (i > 0) y -= 13 + (gapsAt.includes(i) ? 6 : 0);
    return { text, x, y, width: text.length * size * 0.5, size, font };
  });
}
const page = (items: PlacedText[]) => ({ width: 595, height: 842, items });
const margin = (text: string, y: number): PlacedText => ({ text, x: 60, y, width: 200, size: 8, font: 'regular' });

describe('layOutPages', () => {
  test('drops running headers, footers and page numbers, and joins a hyphenated word', () => {
    const pages = [1, 2].map((n) =>
      page([
        margin(`Annual Conference 2026 \u2013 Report ${n}`, 805),
        margin(`Page ${n} of 2`, 30),
        ...column(n === 1 ? ['Conference notes that the waiting lists for council homes have grown in every re-', 'gion since the last election.'] : ['Conference resolves to act.']),
      ]),
    );
    const { text, pageStarts } = layOutPages(pages);
    expect(text).toBe('Conference notes that the waiting lists for council homes have grown in every region since the last election.\n\nConference resolves to act.\n');
    expect(pageStarts).toEqual([0, text.indexOf('Conference resolves')]);
  });

  test('rebuilds paragraphs from wider gaps and list items from their markers', () => {
    const { text } = layOutPages([page(column(['Fair rents', 'Conference resolves to:', '1. Cap rents at inflation for', 'every tenancy.', '2. End no-fault evictions.'], { gapsAt: [1, 2] }))]);
    expect(text).toBe('Fair rents\n\nConference resolves to:\n\n1. Cap rents at inflation for every tenancy.\n\n2. End no-fault evictions.\n');
  });

  test('starts afresh below a motion heading set like the title under it', () => {
    const { text } = layOutPages([page(column(['Motion 3 \u2013 Anytown CLP', 'Fair rents', 'Conference notes X.'], { gapsAt: [2] }))]);
    expect(text).toBe('Motion 3 \u2013 Anytown CLP\n\nFair rents\n\nConference notes X.\n');
  });

  test('reads a two-column page column by column', () => {
    const left = column(['Congress notes the growth of', 'zero-hours contracts across', 'retail and logistics.', 'Congress calls on the', 'General Council to act.', 'Left column ends here.']);
    const right = column(['11 Safe staffing', 'Care Workers Section', 'Congress notes that care', 'homes are understaffed at', 'night in every region.', 'Right column ends here.'], { x: 320, gapsAt: [1, 2] });
    const { text } = layOutPages([page([...right, ...left])]);
    expect(text.indexOf('Left column ends here.')).toBeLessThan(text.indexOf('11 Safe staffing'));
    expect(text).toContain('Congress notes the growth of zero-hours contracts across retail and logistics.');
    expect(text).toContain('Care Workers Section\n\nCongress notes that care homes');
  });
});

describe('pageAt and sniffFormat', () => {
  test('finds the page of an offset, and nothing for a file without pages', () => {
    expect(pageAt({ pageStarts: [0, 100, 250] }, 0)).toBe(1);
    expect(pageAt({ pageStarts: [0, 100, 250] }, 120)).toBe(2);
    expect(pageAt({ pageStarts: [0, 100, 250] }, 999)).toBe(3);
    expect(pageAt({}, 50)).toBeUndefined();
  });

  test('tells PDF, zip and OpenDocument by their first bytes, whatever the name', () => {
    expect(sniffFormat(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFormat(Buffer.from('PK\u0003\u0004\u0014\u0000'))).toBe('zip');
    const odt = Buffer.alloc(120);
    odt.write('PK\u0003\u0004', 0, 'latin1');
    odt.write('mimetypeapplication/vnd.oasis.opendocument.text', 30, 'latin1');
    expect(sniffFormat(odt)).toBe('odt');
    expect(sniffFormat(Buffer.from('Conference notes'))).toBe('text');
  });
});

describe('wordHtmlToText', () => {
  test('keeps headings, numbered and bulleted lists, and decodes entities', () => {
    const html =
      '<h1>Motion 1 &ndash; Northbridge CLP</h1><h2>Libraries</h2><p>Conference notes &amp; regrets.</p><p>Conference resolves to:</p>' +
      '<ol><li>Reopen libraries.</li><li>Employ librarians.</li></ol><ul><li>fund lessons;</li></ul>';
    expect(wordHtmlToText(html)).toBe(
      '# Motion 1 &ndash; Northbridge CLP\n\n## Libraries\n\nConference notes & regrets.\n\nConference resolves to:\n\n1. Reopen libraries.\n2. Employ librarians.\n\n- fund lessons;\n',
    );
  });
});

describe('pickMotions', () => {
  const motions = [
    { number: '1', organisation: 'Anytown CLP', heading: 'Motion 1 \u2013 Anytown CLP', source: 'r.pdf' },
    { number: 'C8', organisation: 'Riverside CLP', heading: 'Composite 8', source: 'r.pdf' },
    { number: '10', organisation: 'Example Union Eastern Region', heading: '10 Vulnerable workers', source: 'r.pdf' },
  ];
  const refusal = (fn: () => unknown): UserError => {
    try {
      fn();
    } catch (error) {
      if (error instanceof UserError) return error;
      throw error;
    }
    throw new Error('expected a UserError');
  };

  test('picks by number as printed, by its digits, and by place; --org by any part of the name', () => {
    expect(pickMotions(motions, { pick: ['c8'] }).map((m) => m.number)).toEqual(['C8']);
    expect(pickMotions(motions, { pick: ['8', '1'] }).map((m) => m.number)).toEqual(['1', 'C8']);
    expect(pickMotions(motions, { pick: ['M3'] }).map((m) => m.number)).toEqual(['10']);
    expect(pickMotions(motions, { org: ['eastern'] }).map((m) => m.number)).toEqual(['10']);
    expect(pickMotions(motions, { pick: ['1', '10'], org: ['clp'] }).map((m) => m.number)).toEqual(['1']);
  });

  test('says what there is when asked for what is not', () => {
    const none = refusal(() => pickMotions(motions, { pick: ['7'] }, ['folder/r.pdf']));
    expect(none.message).toBe('no motion numbered 7 in r.pdf');
    expect(none.hint).toContain('1, C8, 10');
    const nobody = refusal(() => pickMotions(motions, { org: ['Hilltop'] }, ['r.pdf']));
    expect(nobody.message).toBe('no motion from "Hilltop" in r.pdf');
    expect(nobody.hint).toContain('Anytown CLP, Riverside CLP, Example Union Eastern Region');
  });
});
