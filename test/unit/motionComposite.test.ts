import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftComposite } from '../../src/motion/draftComposite.js';
import { splitMotions } from '../../src/motion/parseMotion.js';
import { renderCompositeDraft } from '../../src/render/motionCompositeView.js';
import { repoRoot } from '../helpers/run.js';

const cac = readFileSync(join(repoRoot, 'test', 'fixtures', 'motions', 'housing-cac.md'), 'utf8');
const motions = splitMotions(cac).map((m) => ({ ...m, name: m.heading!, source: 'housing-cac.md' }));

describe('a first draft composite', () => {
  const draft = draftComposite(motions);
  const markdown = renderCompositeDraft(draft);

  test('each shared demand once, marked with every motion that makes it', () => {
    expect(draft.demands.map((d) => `${d.text} [${d.motions.join(', ')}]`)).toEqual([
      'Build at least 150,000 council homes a year, with secure tenancies and rents linked to local incomes. [M1, M2, M3, M5]',
      'Give councils the power to buy land at existing use value. [M1, M2, M3, M4]',
      'Introduce rent controls in the private rented sector, with open-ended tenancies and an end to no-fault evictions. [M1, M2, M5]',
      'End the right to buy for new council homes. [M1, M2]',
    ]);
  });

  test('the demands only one motion makes, apart: the ones to argue for', () => {
    expect(draft.toArgueFor.map((d) => d.motions.join())).toEqual(['M4', 'M4', 'M4', 'M5']);
    expect(markdown).toContain('- Require every new council home to meet the Passivhaus standard. [M4]');
    expect(markdown.indexOf('## Demands only one motion makes')).toBeGreaterThan(markdown.indexOf('Passivhaus') - 400);
  });

  test('the common ground is what most motions share, not repeating the demands', () => {
    expect(draft.commonGround).toHaveLength(1);
    expect(draft.commonGround[0]!.motions).toEqual(['M1', 'M2', 'M3']);
    expect(draft.commonGround[0]!.text).toMatch(/^waiting lists for council homes have grown in every region/);
    // Every sentence of the draft appears once.
    expect(markdown.split('Give councils the power to buy land').length).toBe(2);
  });

  test('a title, the word count against the limit, the motions it came from, and that it is a starting point', () => {
    expect(markdown.split('\n')[0]).toBe('# Draft composite: Council homes, not waiting lists');
    expect(markdown).toContain('It is a starting point for the compositing meeting');
    expect(markdown).toMatch(new RegExp(`^${draft.words} words in the common ground and demands above; the limit is 250 \\(CAC criteria 2010 and 2011; 2019 guidance\\)\\. With the demands only one motion makes: ${draft.wordsWithAll} words\\.`, 'm'));
    expect(draft.words).toBeGreaterThan(100);
    expect(markdown).toContain("- M4: Motion 4 – Example Workers' Union: Skills to build the homes we need (114 words)");
    expect(draftComposite(motions, 120).limit).toEqual({ words: 120, from: 'set with --limit' });
    expect(renderCompositeDraft(draftComposite(motions, 50))).toMatch(/the limit is 50 \(set with --limit\): \d+ over\./);
  });
});
