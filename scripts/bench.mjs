// `npm run bench`: the handbook's speed targets, as ratios to Node's own start-up in the same
// run, on this machine's Node and on Node 24 (fetched from the npm registry, scripts/fetch-node.mjs),
// one column each. Usage: node scripts/bench.mjs [handbook|search|motion|documents ...] (default: all).
// BENCH_NODES=own times this Node alone; BENCH_NODES=20,24 names the majors to fetch beside it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node, spreads, table, timeOnNodes } from './bench/lib.mjs';
import { fetchNode } from './fetch-node.mjs';

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
// Each figure over its target, named; and each target the machine puts out of reach, said apart.
const results = [];
const blocked = [];
/** A figure over a target that no table shows as a ratio: counted with report()'s. */
const over = (what) => results.push(what);

const major = (path) => execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
const own = { label: `Node ${major(node)}`, path: node };
const others = (process.env.BENCH_NODES ?? '24')
  .split(',')
  .filter((m) => m !== 'own' && m !== '' && m !== own.label.split(' ')[1].split('.')[0])
  .map((m) => {
    const path = fetchNode(Number(m));
    return { label: `Node ${major(path)}`, path };
  });
const nodes = [own, ...others];
const timeCases = (cases, options) => timeOnNodes(cases, nodes, options);

/**
 * Print one table: a row per case, a median and a ratio to `baseName` (`node -e 0` unless
 * another case is the measure) per Node. `byNode` maps a Node's label to the medians of its
 * cases; `target` is one ratio, one per Node label, or a function of the label and the case.
 */
function report(title, byNode, target, baseName = baseline.name) {
  const names = [...byNode.values().next().value.keys()];
  const targetOf = (label, name) => (typeof target === 'function' ? target(label, name) : typeof target === 'object' ? target[label] : target);
  const rows = names.map((name) => [
    name,
    ...[...byNode].flatMap(([label, medians]) => {
      const ms = medians.get(name);
      const ratio = ms / medians.get(baseName);
      const limit = targetOf(label, name);
      const verdict = name === baseName || limit === undefined || name.startsWith('peer') ? '' : ratio <= limit ? ' ok' : ` OVER ${Number(limit.toFixed(2))}`;
      if (verdict.startsWith(' OVER')) results.push(`${name} on ${label}`);
      return [ms.toFixed(1), `${ratio.toFixed(2)}${verdict}`];
    }),
  ]);
  const headers = ['command', ...[...byNode.keys()].flatMap((label) => [`${label} ms`, `${label} x ${baseName}`])];
  console.log(`\n## ${title}\n\n${table(rows, headers)}`);
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
    delegate('delegate search reference back (handbook)', 'search', 'reference', 'back'),
    { name: 'peer: tldr --render (npm tldr)', cmd: node, args: [join(root, 'node_modules', 'tldr', 'bin', 'tldr'), '--render', page], env: { HOME: home } },
  ]);
  report('Handbook (target: each at most 1.5x node -e 0)', medians, 1.5);
}

for (const name of ['search', 'motion', 'documents']) {
  if (!wanted(name)) continue;
  try {
    const mod = await import(`./bench/${name}.mjs`);
    await mod.default({ root, work, bin, env, baseline, delegate, report, over, blocked, timeCases, nodes });
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`bench/${name}.mjs`)) continue;
    throw error;
  }
}

// The ruler's own noise: where `node -e 0` spread over more than a tenth of its median, a ratio
// near its target may fall on either side of it from one run to the next.
const noisy = spreads.filter((s) => s.name.startsWith('node -e 0') && s.spread > 0.1);
if (noisy.length) {
  const worst = Math.max(...noisy.map((s) => s.spread));
  console.log(`\nNoisy: in ${noisy.length} of the tables, the middle half of \`node -e 0\`'s times spread over up to ${(worst * 100).toFixed(0)}% of its median; ratios within that of their targets are uncertain. Run again when quieter.`);
}

if (blocked.length) console.log(`\nOut of reach on this machine:\n${blocked.map((b) => `- ${b}`).join('\n')}`);

if (results.length) {
  console.log(`\n${results.length} figure(s) over target: ${results.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log('\nEvery figure is within its target.');
}
