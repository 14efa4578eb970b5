// Motion workbench timing: `delegate motion compare` over 40 motions of about 250 words, built
// from a shared pool of clauses so that, as on a real topic, motions overlap in part.
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

export default async function ({ work, delegate, baseline, report, timeCases }) {
  const dir = join(work, 'motions');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'forty-motions.md');
  writeFileSync(file, Array.from({ length: 40 }, (_, i) => motion(i)).join('\n'));
  const medians = timeCases([baseline, delegate('delegate motion compare (40 x 250 words)', 'motion', 'compare', file)]);
  // Node 24 starts in under half the time of Node 20 here, while compare's own work hardly
  // changes: the same milliseconds are a larger ratio.
  const target = Object.fromEntries([...medians.keys()].map((label) => [label, /^Node 20\./.test(label) ? 1.6 : 3.2]));
  report('Motion workbench (target: at most 1.6x node -e 0 on Node 20, 3.2x on Node 24)', medians, target);
}
