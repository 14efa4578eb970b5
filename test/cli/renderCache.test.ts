import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempHome } from '../helpers/fixtures.js';
import { run } from '../helpers/run.js';

// Rendered pages are kept in the cache folder. A cached file damaged from outside (cut short,
// emptied, overwritten) must never be shown as the page: it is rendered afresh and replaced.

const sandbox = useTempHome();

const read = () => run(['read', 'cac', '--color', 'always'], { env: sandbox.env });
const cached = () => {
  const dir = join(sandbox.env.XDG_CACHE_HOME!, 'delegate', 'rendered');
  return readdirSync(dir).map((name) => join(dir, name));
};

describe('the rendered-page cache', () => {
  const damage: Array<[string, (text: string) => string]> = [
    ['emptied', () => ''],
    ['cut short', (text) => text.slice(0, Math.floor(text.length / 3))],
    ['overwritten with garbage and escape codes', () => 'garbage \u001b]0;x\u0007 \u001b[2J\n'.repeat(20)],
    ['a changed page body under an intact header', (text) => text.replace('Conference Arrangements Committee', 'Conference Arrangements Committee, now wrong')],
  ];

  test.each(damage)('a cached page %s is rendered afresh, never shown', (_, spoil) => {
    const first = read();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Conference Arrangements Committee');
    const [file] = cached();
    expect(file).toBeDefined();
    writeFileSync(file!, spoil(readFileSync(file!, 'utf8')));

    const again = read();
    expect(again).toMatchObject({ code: 0, stdout: first.stdout });
    // And the damaged file was replaced, so the next run reads a good one.
    expect(read().stdout).toBe(first.stdout);
    expect(readFileSync(cached()[0]!, 'utf8')).toContain(first.stdout);
  });
});
