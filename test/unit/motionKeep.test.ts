import { readFileSync } from 'node:fs';
import { keptInDraft } from '../../src/motion/keptInDraft.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/motions/${name}`, import.meta.url), 'utf8');
const mine = fixture('housing/anytown.txt');
const statuses = (report: ReturnType<typeof keptInDraft>) => report.phrases.map((p) => p.status);

describe('keptInDraft', () => {
  test('a draft that cut one resolve: that one is cut and offered back as an amendment, the others kept', () => {
    const report = keptInDraft(mine, fixture('draft-cut-one-resolve.txt'));
    expect(report.phrasesFrom).toBe('resolves');
    expect(statuses(report)).toEqual(['kept', 'kept', 'cut', 'kept']);
    expect(report.amendment).toBe('Add at the end of the resolves: "End the right to buy for new council homes."');
  });

  test('a draft of only "the" keeps none of your substantive words and cuts every resolve', () => {
    const report = keptInDraft(mine, fixture('draft-only-the.txt'));
    expect(report.words).toMatchObject({ kept: 0, share: 0 });
    expect(report.words.cut).toHaveLength(report.words.mine);
    expect(statuses(report)).toEqual(['cut', 'cut', 'cut', 'cut']);
    expect(report.amendment?.split('\n')).toHaveLength(5);
  });

  test('your own motion as the draft keeps everything', () => {
    const report = keptInDraft(mine, mine);
    expect(report.words.share).toBe(1);
    expect(statuses(report)).toEqual(['kept', 'kept', 'kept', 'kept']);
    expect(report.amendment).toBeNull();
  });

  test('a composite: reworded demands are changed, with the draft words that now carry them', () => {
    const report = keptInDraft(mine, fixture('draft-composite.txt'));
    expect(statuses(report)).toEqual(['kept', 'kept', 'cut', 'changed']);
    expect(report.phrases[3]!.draft).toBe('Introduce rent controls in the private sector and end no-fault evictions.');
    expect(report.words.share).toBeGreaterThan(0.5);
    expect(report.words.share).toBeLessThan(1);
    expect(report.words.cut).toEqual(expect.arrayContaining(['temporary', 'accommodation']));
  });

  test('counts only substantive words: stop words in the draft do not help', () => {
    const withStopWords = keptInDraft(mine, 'the of and to a in that with for on at Conference notes believes resolves');
    expect(withStopWords.words.kept).toBe(0);
  });

  test('tracks the phrases given instead of the resolves', () => {
    const report = keptInDraft(mine, fixture('draft-composite.txt'), ['150,000 council homes a year', 'end the right to buy', 'rent controls']);
    expect(report.phrasesFrom).toBe('phrases');
    expect(statuses(report)).toEqual(['kept', 'cut', 'kept']);
    expect(report.amendment).toBe('Insert, where it fits: "end the right to buy"');
  });

  test('compares phrases ignoring case and punctuation', () => {
    expect(statuses(keptInDraft(mine, 'We call for RENT-CONTROLS!', ['rent controls']))).toEqual(['kept']);
  });
});
