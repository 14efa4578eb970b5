import { readFileSync } from 'node:fs';
import { compareMotions, type MotionToCompare } from '../../src/motion/compareMotions.js';
import { parseMotion, splitMotions } from '../../src/motion/parseMotion.js';
import { similarity } from '../../src/motion/similarity.js';
import { renderMotionComparison } from '../../src/render/motionCompareView.js';
import { makeTheme } from '../../src/render/theme.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/motions/${name}`, import.meta.url), 'utf8');
const motion = (name: string): MotionToCompare => ({ ...parseMotion(fixture(name)), name, source: name });
const fromText = (body: string, name: string): MotionToCompare => ({ body, name, source: name });

describe('similarity', () => {
  test('of two identical motions is 100% and called identical', () => {
    const text = fixture('housing/anytown.txt');
    expect(similarity(text, text)).toMatchObject({ similarity: 1, verdict: 'identical' });
  });

  test('ignores case, punctuation and stop words, but not word order', () => {
    expect(similarity('Build the Council Homes, now!', 'build council homes now').verdict).toBe('identical');
    expect(similarity('build council homes now', 'now homes council build').similarity).toBe(0);
  });

  test('calls one changed word in a long motion nearly identical, and says how near', () => {
    const body = fixture('housing/anytown.txt');
    const changed = body.replace('wages last year', 'pay last year');
    const measure = similarity(body, changed);
    expect(measure.verdict).toBe('nearly identical');
    expect(measure.similarity).toBeGreaterThanOrEqual(0.9);
    expect(measure.similarity).toBeLessThan(1);
  });

  test('of unrelated motions is near zero', () => {
    expect(similarity(fixture('housing/workers-union.txt'), fixture('housing/lakeside.txt')).similarity).toBeLessThan(0.05);
  });
});

describe('compareMotions', () => {
  const names = ['housing/anytown.txt', 'housing/riverside.txt', 'housing/hilltop.txt', 'housing/workers-union.txt', 'housing/lakeside.txt'];
  const comparison = compareMotions(names.map(motion));
  const pair = (a: string, b: string) => comparison.pairs.find((p) => p.a === a && p.b === b)!;

  test('labels the motions M1… in the order given', () => {
    expect(comparison.motions.map((m) => [m.label, m.name])).toEqual(names.map((n, i) => [`M${i + 1}`, n]));
  });

  test('flags the two identical motions at 100%, first among the pairs', () => {
    expect(comparison.pairs[0]).toMatchObject({ a: 'M1', b: 'M2', similarity: 1, verdict: 'identical' });
    expect(comparison.matrix[0]![1]).toBe(1);
    expect(comparison.pairs.filter((p) => p.verdict === 'identical')).toHaveLength(1);
  });

  test('finds the motion contained in another: all of it is there, though the two are not alike overall', () => {
    expect(pair('M1', 'M3')).toMatchObject({ verdict: 'contained', bInA: 1 });
    expect(pair('M1', 'M3').similarity).toBeLessThan(0.9);
  });

  test('gives a symmetric grid with 1 on the diagonal', () => {
    comparison.matrix.forEach((row, i) => row.forEach((value, j) => expect(value).toBe(comparison.matrix[j]![i])));
    expect(comparison.matrix.map((row, i) => row[i])).toEqual([1, 1, 1, 1, 1]);
  });

  test('lists the shared passages longest first, with every motion that has each', () => {
    const passages = comparison.sharedPassages;
    expect(passages.map((p) => p.words)).toEqual([...passages.map((p) => p.words)].sort((a, b) => b - a));
    expect(passages).toContainEqual(
      expect.objectContaining({ text: 'Give councils the power to buy land at existing use value', motions: ['M1', 'M2', 'M3', 'M4'] }),
    );
    expect(passages).toContainEqual(expect.objectContaining({ text: 'Build at least 150,000 council homes a year', motions: ['M1', 'M2', 'M3', 'M5'] }));
    // The whole of the identical pair comes first; the hilltop motion shares part of it.
    expect(passages[0]).toMatchObject({ motions: ['M1', 'M2'], partOf: null });
    expect(passages[1]).toMatchObject({ motions: ['M1', 'M2', 'M3'], partOf: 0 });
  });

  test('does not report a passage twice for the same motions', () => {
    const seen = comparison.sharedPassages.map((p) => `${p.motions.join(',')}|${p.text}`);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('finds what each motion asks for that no other does', () => {
    const unique = Object.fromEntries(comparison.uniqueDemands.map((u) => [u.motion, u.unique.map((d) => d.text)]));
    expect(unique.M1).toEqual([]);
    expect(unique.M2).toEqual([]);
    expect(unique.M3).toEqual([]);
    expect(unique.M4).toEqual([
      'Fund a national construction skills programme, with 20,000 new apprenticeships a year.',
      'Require every new council home to meet the Passivhaus standard.',
      'Set up a public housing investment bank to pay for council building.',
    ]);
    expect(unique.M5).toEqual(['Give councils new powers to bring long-term empty homes back into use, including compulsory purchase.']);
    const passivhaus = comparison.uniqueDemands[3]!.unique[1]!;
    expect(passivhaus.onlyHere).toEqual(['require', 'meet', 'Passivhaus', 'standard']);
  });

  test('tells apart demands that share words but not phrases', () => {
    const result = compareMotions([
      fromText('Conference resolves to:\n1. Build 150,000 council homes every year.', 'a'),
      fromText('Conference resolves to:\n1. Build 100,000 social homes every year.', 'b'),
    ]);
    expect(result.uniqueDemands.map((u) => u.unique.length)).toEqual([1, 1]);
    expect(result.uniqueDemands[0]!.unique[0]!.onlyHere).toEqual(['150,000', 'council']);
  });

  test('gives the same answer for the motions pasted into one file with headings', () => {
    const pasted = compareMotions(splitMotions(fixture('housing-cac.md')).map((m) => ({ ...m, name: m.heading!, source: 'housing-cac.md' })));
    expect(pasted.matrix).toEqual(comparison.matrix);
    expect(pasted.sharedPassages).toEqual(comparison.sharedPassages);
  });
});

describe('the compare view', () => {
  // Two motions sharing one passage of 60 words (no stop words among them).
  const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
  const comparison = compareMotions([
    { name: 'one.txt', source: 'one.txt', body: `Conference notes ${long}. Conference resolves to campaign for rent controls.` },
    { name: 'two.txt', source: 'two.txt', body: `Conference believes ${long}. Conference resolves to build council homes.` },
  ]);

  test('a long shared passage is shown by its first 40 words, then …', () => {
    expect(comparison.sharedPassages[0]!.writtenWords).toBe(60);
    const view = renderMotionComparison(comparison, makeTheme(false), 1000);
    expect(view).toContain(`"${Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')} …"`);
    expect(view).not.toContain('word40');
  });

  test('a short one whole', () => {
    const short = compareMotions([
      { name: 'a', source: 'a', body: 'Conference notes that rents rose by ten per cent again this year.' },
      { name: 'b', source: 'b', body: 'Conference believes that rents rose by ten per cent again this year.' },
    ]);
    expect(renderMotionComparison(short, makeTheme(false), 1000)).toContain('"rents rose by ten per cent again this year"');
  });
});
