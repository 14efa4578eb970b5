// `npm run bench`: the handbook's speed targets, as ratios to Node's own start-up in the same
// run. Usage: node scripts/bench.mjs [handbook|search|motion|documents ...] (default: all).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node, table, timeCases } from './bench/lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench');
mkdirSync(work, { recursive: true });
const bin = join(root, 'bin', 'delegate.cjs');
const home = join(work, 'home');
const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), NO_COLOR: '1' };
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
const baseline = { name: 'node -e 0', cmd: node, args: ['-e', '0'] };
const delegate = (name, ...args) => ({ name, cmd: node, args: [bin, ...args], env });
const results = [];

function report(title, medians, target) {
  const base = medians.get(baseline.name);
  const rows = [...medians].map(([name, ms]) => {
    const ratio = ms / base;
    const verdict = name === baseline.name || target === undefined || name.startsWith('peer') ? '' : ratio <= target ? 'ok' : `OVER ${target}`;
    return [name, ms.toFixed(1), ratio.toFixed(2), verdict];
  });
  console.log(`\n## ${title}\n\n${table(rows, ['command', 'median ms', 'x node -e 0', 'target'])}`);
  results.push(...rows.filter((r) => r[3].startsWith('OVER')));
}

if (wanted('handbook')) {
  // A tldr page about as long as a lesson page, rendered by the npm tldr client as the peer figure.
  const page = join(work, 'tldr-page.md');
  writeFileSync(
    page,
    `# delegate\n\n> ${'A terminal handbook for conference delegates, with lessons from compositing meetings. '.repeat(3)}\n> More information: <https://example.org>.\n\n` +
      Array.from({ length: 12 }, (_, i) => `- Example ${i + 1}, which explains a piece of conference procedure in a sentence:\n\n\`delegate read {{page-${i}}}\`\n`).join('\n'),
  );
  const medians = timeCases([
    baseline,
    delegate('delegate --version', '--version'),
    delegate('delegate read <lesson>', 'read', 'chair-not-neutral'),
    delegate('delegate cheatsheet', 'cheatsheet'),
    delegate('delegate list', 'list'),
    { name: 'peer: tldr --render (npm tldr)', cmd: node, args: [join(root, 'node_modules', 'tldr', 'bin', 'tldr'), '--render', page], env: { HOME: home } },
  ]);
  report('Handbook (target: each at most 1.5x node -e 0)', medians, 1.5);
}

for (const name of ['search', 'motion', 'documents']) {
  if (!wanted(name)) continue;
  try {
    const mod = await import(`./bench/${name}.mjs`);
    await mod.default({ root, work, bin, env, baseline, delegate, report, timeCases });
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`bench/${name}.mjs`)) continue;
    throw error;
  }
}

if (results.length) {
  console.log(`\n${results.length} figure(s) over target: ${results.map((r) => r[0]).join(', ')}`);
  process.exitCode = 1;
} else {
  console.log('\nEvery figure is within its target.');
}
