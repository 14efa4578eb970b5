import { similarity } from '../../src/motion/similarity.js';

// Motions too short for a three-word phrase (a title, a one-line demand): each is one phrase of
// its own, which only the same words in the same order share.

describe('similarity of texts under three substantive words', () => {
  test('the same one or two words are identical, whatever the case and punctuation', () => {
    expect(similarity('Tramways!', 'tramways')).toMatchObject({ similarity: 1, verdict: 'identical' });
    expect(similarity('Free tramways.', 'free TRAMWAYS')).toMatchObject({ similarity: 1, verdict: 'identical' });
  });

  test('a short text shares nothing with a longer one that starts with its words', () => {
    expect(similarity('tramways', 'tramways fares')).toEqual({ similarity: 0, aInB: 0, bInA: 0, verdict: 'different' });
    expect(similarity('free tramways', 'free tramways everywhere')).toEqual({ similarity: 0, aInB: 0, bInA: 0, verdict: 'different' });
  });

  test('a short text is not its own words said again', () => {
    expect(similarity('tramways', 'tramways tramways tramways').verdict).toBe('different');
    expect(similarity('free tramways', 'free tramways tramways').verdict).toBe('different');
  });

  test('two short texts of different words share nothing', () => {
    expect(similarity('free tramways', 'free ferries')).toMatchObject({ similarity: 0, verdict: 'different' });
    expect(similarity('tramways', 'ferries')).toMatchObject({ similarity: 0, verdict: 'different' });
  });

  test('three words are a phrase: a three-word text inside a four-word one is contained in it', () => {
    expect(similarity('free municipal tramways', 'free municipal tramways everywhere')).toEqual({ similarity: 0.5, aInB: 1, bInA: 0.5, verdict: 'contained' });
  });

  test('an empty text is like nothing, not even another empty one', () => {
    expect(similarity('', '')).toEqual({ similarity: 0, aInB: 0, bInA: 0, verdict: 'different' });
    expect(similarity('', 'tramways')).toMatchObject({ similarity: 0, verdict: 'different' });
  });
});
