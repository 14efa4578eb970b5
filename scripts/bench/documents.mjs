// PDF and Word timing: `delegate motion list` and `motion compare` over a 60-page PDF of about
// 150 generated motions (target: 3 s each), and a .docx of 20 motions (target: 1 s each). The
// documents are made with the fixture writers (scripts/fixtures/), from a shared pool of clauses
// so that motions overlap in part, as on a real agenda.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDocx } from '../fixtures/docxWriter.mjs';
import { typeset, writePdf } from '../fixtures/pdfWriter.mjs';

const subjects = ['council housing', 'rent controls', 'social care', 'the NHS workforce', 'energy bills', 'public transport', 'school funding', 'local libraries', 'youth services', 'pensions'];
const places = ['Anytown', 'Riverside', 'Hilltop', 'Lakeside', 'Westmoor', 'Northbridge', 'Eastfield', 'Southport', 'Greendale', 'Oakham'];
const notes = [
  'notes that waiting lists for {s} have grown in every region since 2015, and that families in every constituency now wait longer than ever',
  'notes that workers in {s} have seen real wages fall year after year while demand for their work has grown',
  'notes the evidence that cuts to {s} fall hardest on disabled people, carers and the lowest paid',
];
const believes = [
  'believes that {s} should be run for need and not for profit, and that local councils must be given the powers and money to deliver it',
  'believes that no community should be left without {s}, and that public money must come with public accountability',
];
const demands = [
  'Publish a national plan for {s} with funding secured for ten years.',
  'Bring {s} into public ownership within the first term of a Labour government.',
  'Ban outsourcing in {s} and bring staff back in house on the union rate.',
  'Set up an independent commission to report on {s} within one year.',
  'Campaign with trade unions and community groups for {s} in every constituency.',
  'Publish costed proposals on {s} before the next general election.',
];

function motionParts(i) {
  const s = subjects[i % subjects.length];
  const fill = (t) => t.replace('{s}', s);
  return {
    heading: `Motion ${i + 1} \u2013 ${places[i % places.length]} ${i % 4 === 3 ? 'Branch' : 'CLP'}`,
    title: `A plan for ${s} (${i + 1})`,
    notes: `Conference ${fill(notes[i % notes.length])}. Conference further ${fill(notes[(i + 1) % notes.length])}. Conference also ${fill(notes[(i + 2) % notes.length])}.`,
    believes: `Conference ${fill(believes[i % believes.length])}. Conference further ${fill(believes[(i + 1) % believes.length])}.`,
    demands: [0, 1, 2, 3, 4, 5, 6].map((k) => fill(demands[(i + k * 2) % demands.length])),
  };
}

function pdfOf(count) {
  const blocks = [];
  for (let i = 0; i < count; i++) {
    const m = motionParts(i);
    blocks.push({ text: m.heading, bold: true, size: 11, gapBefore: 16 }, { text: m.title, bold: true, gapBefore: 4 });
    blocks.push({ text: m.notes, gapBefore: 6, hyphenate: true }, { text: m.believes, gapBefore: 6, hyphenate: true }, { text: 'Conference resolves to:', gapBefore: 6 });
    m.demands.forEach((d, k) => blocks.push({ text: d, marker: `${k + 1}.`, indent: 12, gapBefore: 3, hyphenate: true }));
  }
  return writePdf(typeset(blocks, { header: 'Annual Conference 2026 \u2013 Conference Arrangements Committee Report 3', footer: 'Generated for the delegate bench' }));
}

async function docxOf(count) {
  const paragraphs = [{ text: 'Motions received', style: 'Title' }];
  for (let i = 0; i < count; i++) {
    const m = motionParts(i);
    paragraphs.push({ text: m.heading, style: 'Heading1' }, { text: m.title, style: 'Heading2' }, { text: m.notes }, { text: m.believes }, { text: 'Conference resolves to:' });
    for (const d of m.demands) paragraphs.push({ text: d, list: 'number' });
  }
  return writeDocx(paragraphs);
}

export default async function ({ work, delegate, baseline, report, timeCases }) {
  const dir = join(work, 'documents');
  mkdirSync(dir, { recursive: true });
  const pdf = join(dir, 'cac-150-motions.pdf');
  const docx = join(dir, 'cac-20-motions.docx');
  writeFileSync(pdf, pdfOf(150));
  writeFileSync(docx, await docxOf(20));
  const medians = timeCases(
    [
      baseline,
      delegate('delegate motion list (PDF, 150 motions)', 'motion', 'list', pdf),
      delegate('delegate motion compare (PDF, 150 motions)', 'motion', 'compare', pdf),
      delegate('delegate motion list (.docx, 20 motions)', 'motion', 'list', docx),
      delegate('delegate motion compare (.docx, 20 motions)', 'motion', 'compare', docx),
    ],
    { rounds: 5, warmup: 1 },
  );
  // Targets in seconds, given to report() as ratios to each Node's `node -e 0` in this run.
  const part = (word) => new Map([...medians].map(([label, byCase]) => [label, new Map([...byCase].filter(([name]) => name === baseline.name || name.includes(word)))]));
  const within = (ms) => (label) => Math.round((ms / medians.get(label).get(baseline.name)) * 100) / 100;
  report('PDF of 60 pages, 150 motions (target: at most 3 s)', part('PDF'), within(3000));
  report('Word document of 20 motions (target: at most 1 s)', part('.docx'), within(1000));
}
