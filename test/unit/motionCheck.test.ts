import { readFileSync } from 'node:fs';
import { checkMotion } from '../../src/motion/checkMotion.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/motions/${name}`, import.meta.url), 'utf8');
const status = (text: string, options = {}) => Object.fromEntries(checkMotion(text, options).checks.map((c) => [c.id, c.status]));

describe('checkMotion', () => {
  test('passes a good motion, counting the words below the title only', () => {
    const check = checkMotion(fixture('housing/anytown.txt'));
    expect(check.result).toBe('pass');
    expect(check.title).toBe('Council homes, not waiting lists');
    expect(check.words).toMatchObject({ count: 127, limit: 250 });
    expect(status(fixture('housing/anytown.txt'))).toEqual({
      length: 'pass',
      title: 'pass',
      subject: 'pass',
      structure: 'pass',
      contemporary: 'ask',
      deadline: 'ask',
    });
  });

  test('fails a motion over the limit and says by how much', () => {
    const check = checkMotion(fixture('too-long.txt'));
    expect(check.result).toBe('fail');
    expect(check.failures).toBe(1);
    expect(check.checks.find((c) => c.id === 'length')?.message).toBe('281 words, 31 over the limit of 250.');
  });

  test('takes the limit from --limit when given', () => {
    expect(status(fixture('too-long.txt'), { limit: 300 }).length).toBe('pass');
    expect(status(fixture('housing/anytown.txt'), { limit: 100 }).length).toBe('fail');
    expect(checkMotion(fixture('housing/anytown.txt'), { limit: 100 }).words.limitFrom).toBe('set with --limit');
  });

  test('counts exactly the limit as within it', () => {
    const body = Array.from({ length: 250 }, () => 'word').join(' ');
    expect(status(`Title\n\n${body}`).length).toBe('pass');
    expect(status(`Title\n\n${body} more`).length).toBe('fail');
  });

  test('warns of a title over ten words (the 2011 rule), and of no title', () => {
    expect(status('One two three four five six seven eight nine ten eleven\n\nConference notes things.').title).toBe('warn');
    expect(status('One two three four five six seven eight nine ten\n\nConference notes things.').title).toBe('pass');
    expect(status('Conference notes things.').title).toBe('warn');
  });

  test('warns when the demands fall into two subjects, each argued for separately', () => {
    const check = checkMotion(fixture('two-subjects.txt'));
    expect(check.checks.find((c) => c.id === 'subject')?.status).toBe('warn');
    expect(check.subjects).toHaveLength(2);
    expect(check.subjects.flat()).toEqual(expect.arrayContaining(['homes', 'dentistry']));
  });

  test('does not warn of two subjects for single-subject motions with varied demands', () => {
    for (const name of ['housing/anytown.txt', 'housing/workers-union.txt', 'housing/lakeside.txt', 'too-long.txt']) {
      expect([name, status(fixture(name)).subject]).toEqual([name, 'pass']);
    }
  });

  test('names the missing parts, by the form it read', () => {
    const check = checkMotion(fixture('no-parts.txt'));
    expect(check.form).toBe('campaign');
    expect(check.checks.find((c) => c.id === 'structure')).toMatchObject({
      status: 'warn',
      message: 'It asks for nothing: no resolves, and no sentence that asks ("Labour must …", "We call on …").',
    });
    const onlyBelieves = checkMotion('Title\n\nConference notes X.\n\nConference resolves to do Y.');
    expect(onlyBelieves.form).toBe('Labour conference');
    expect(onlyBelieves.checks.find((c) => c.id === 'structure')?.message).toBe('Missing the usual part of a Labour conference motion: Conference believes.');
    const model = checkMotion('Title\n\nThis branch believes X.\n\nThis branch resolves to do Y.');
    expect(model.form).toBe('model motion');
    expect(model.checks.find((c) => c.id === 'structure')?.message).toBe('Missing the usual part of a model motion: This branch (or CLP) notes.');
  });

  test('fails a motion with a title and nothing else', () => {
    expect(status('Title: Fair rents\n\n').length).toBe('fail');
  });

  test('leaves contemporary and the deadline to the delegate, with the year of each rule', () => {
    const asks = checkMotion(fixture('housing/anytown.txt')).checks.filter((c) => c.status === 'ask');
    expect(asks.map((c) => c.id)).toEqual(['contemporary', 'deadline']);
    expect(asks[0]!.details.join(' ')).toMatch(/2024: only matters after 5 July 2024/);
    expect(asks[1]!.details.join(' ')).toMatch(/2024: .*12 September.*current CAC report/);
  });
});
