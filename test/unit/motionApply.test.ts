import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyAmendments, AmendmentNotApplied } from '../../src/motion/applyAmendment.js';
import { layoutText, spacingAside } from '../../src/motion/paragraphs.js';
import { parseAmendments } from '../../src/motion/parseAmendment.js';
import { parseMotion } from '../../src/motion/parseMotion.js';
import { repoRoot } from '../helpers/run.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'amendments');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

function apply(motion: string, amendment: string): string {
  const { layout } = applyAmendments(parseMotion(motion), parseAmendments(amendment, 'amendment.txt'));
  return layoutText(layout);
}

describe('applying amendments', () => {
  test('the fixture: two amendments under headings, in order', () => {
    expect(spacingAside(apply(read('bus-motion.txt'), read('bus-amendments.txt')))).toBe(spacingAside(read('bus-amended.txt')));
  });
});
