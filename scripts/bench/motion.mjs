// Motion workbench timing: `delegate motion compare` over 40 motions of about 250 words, built
// from a shared pool of clauses so that, as on a real topic, motions overlap in part; apply and
// amendment on one motion of about 250 words; composite against compare on 20 motions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const subjects = ['council housing', 'rent controls', 'social care', 'the NHS workforce', 'energy bills', 'public transport', 'school funding', 'local libraries', 'youth services', 'pensions'];
const clauses = [
  'notes that waiting lists for {s} have grown in every region since 2015',
  'believes that {s} should be run for need and not for profit',
  'calls for a national plan for {s} with funding secured for ten years',
  'calls on the next Labour government to bring {s} into public ownership',
  'notes that workers in {s} have seen real wages fall year after year',
  'believes that local councils must be given the powers and money to deliver {s}',
  'resolves to campaign with trade unions and tenants for {s} in every constituency',
  'calls for an independent commission to report on {s} within one year',
  'notes the evidence that cuts to {s} fall hardest on disabled people and carers',
  'believes that no community should be left without {s}',
  'calls for a ban on outsourcing in {s} and for staff to be brought back in house',
  'resolves that the party will publish costed proposals on {s} before the next election',
];

function motion(i) {
  const s = subjects[i % subjects.length];
  const words = [];
  let k = i;
  while (words.length < 250) {
    const clause = clauses[(k * 7 + i) % clauses.length].replace('{s}', s);
    words.push(...`Conference ${clause}.`.split(' '));
    k++;
  }
  return `## Motion ${i + 1}: ${s} (Example ${i + 1} CLP)\n\n${words.slice(0, 250).join(' ')}\n`;
}

// One motion of about 250 words in the usual shape (notes, believes, resolves with a list), an
// amendment of six instructions in the usual forms, and an edited copy to draft one from.
function amendable() {
  const clause = (i, s) => clauses[i % clauses.length].replace('{s}', subjects[s % subjects.length]);
  const para = (i) => `Conference ${clause(i, i)}, and ${clause(i + 5, i + 3)}.`;
  const point = (i) => clause(i * 5 + 2, i + 1).replace(/^\S+ (\S)/, (_, c) => c.toUpperCase());
  const points = Array.from({ length: 6 }, (_, i) => `${i + 1}. ${point(i)}.`);
  const text = ['Public services for every town', '', para(0), '', para(1), '', para(4), '', para(7), '', para(9), '', 'Conference resolves to call on the government to:', '', ...points, ''].join('\n');
  const amendment = [
    'Amendment 1 \u2013 Example Union',
    'In paragraph 1, after "since 2015" insert ", and faster since 2020"',
    'Delete paragraph 3.',
    'In point 1, delete "with funding secured for ten years" and insert "funded for a generation"',
    'Insert new point 4: "Repeal the laws that stop councils running their own services."',
    'Amendment 2 \u2013 Anytown CLP',
    'Add at end of the resolves: "Report back to conference next year."',
    'Insert new paragraph 3: "Conference believes that public money should buy public services."',
  ].join('\n');
  const edited = text
    .replace('since 2015', 'since 2015 and faster since 2020')
    .replace(/Conference believes that (.*?)\./, 'Conference believes that public services are the wealth of those who have none.')
    .replace('3. ', '3. Within a year, ')
    .concat('7. Report back to conference next year.\n');
  return { text, amendment, edited };
}

export default async function ({ work, delegate, baseline, report, timeCases }) {
  const dir = join(work, 'motions');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'forty-motions.md');
  writeFileSync(file, Array.from({ length: 40 }, (_, i) => motion(i)).join('\n'));
  const twenty = join(dir, 'twenty-motions.md');
  writeFileSync(twenty, Array.from({ length: 20 }, (_, i) => motion(i)).join('\n'));
  const { text, amendment, edited } = amendable();
  const [motionFile, amendmentFile, editedFile] = ['amendable.txt', 'amendment.txt', 'edited.txt'].map((name) => join(dir, name));
  writeFileSync(motionFile, text);
  writeFileSync(amendmentFile, amendment);
  writeFileSync(editedFile, edited);
  const compare20 = 'delegate motion compare (20 x 250 words)';
  const medians = timeCases([
    baseline,
    delegate('delegate motion compare (40 x 250 words)', 'motion', 'compare', file),
    delegate('delegate motion apply (250 words, 7 instructions)', 'motion', 'apply', motionFile, amendmentFile),
    delegate('delegate motion amendment (250 words)', 'motion', 'amendment', '--from', motionFile, '--to', editedFile),
    delegate(compare20, 'motion', 'compare', twenty),
    delegate('delegate motion composite (20 x 250 words)', 'motion', 'composite', twenty),
  ]);
  const compositeName = 'delegate motion composite (20 x 250 words)';
  const composite = new Map();
  for (const [label, byCase] of medians) {
    composite.set(label, new Map([[compare20, byCase.get(compare20)], [compositeName, byCase.get(compositeName)]]));
    byCase.delete(compositeName);
    byCase.delete(compare20);
  }
  // Node 24 starts in under half the time of Node 20 here, while compare's own work hardly
  // changes: the same milliseconds are a larger ratio. apply and amendment: 1.5x on each.
  const target = (label, name) => (!name.includes('compare') ? 1.5 : /^Node 20\./.test(label) ? 1.6 : 3.2);
  report('Motion workbench (target: apply and amendment at most 1.5x node -e 0; compare 1.6x on Node 20, 3.2x on Node 24)', medians, target);
  report('Composite draft (target: at most 2x compare on the same motions, in the same run)', composite, 2, compare20);
}
