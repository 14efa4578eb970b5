import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from '../helpers/fixtures.js';
import { run } from '../helpers/run.js';

// Printing needs a browser and poppler; where the machine has them (apt: chromium poppler-utils)
// the HTML cheat sheet is printed to PDF for real and its pages counted.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const pdfinfo = existsSync('/usr/bin/pdfinfo');

(chromium && pdfinfo ? test : test.skip)('the HTML cheat sheet prints on at most two A4 sides', () => {
  const sandbox = tempHome();
  try {
    const html = join(sandbox.home, 'sheet.html');
    const pdf = join(sandbox.home, 'sheet.pdf');
    expect(run(['cheatsheet', '--format', 'html', '--output', html], { env: sandbox.env }).code).toBe(0);
    spawnSync(
      chromium!,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(sandbox.home, 'chromium')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`],
      { encoding: 'utf8', timeout: 60000 },
    );
    expect(existsSync(pdf)).toBe(true);
    const info = spawnSync('/usr/bin/pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  } finally {
    sandbox.cleanup();
  }
});
