// Timing helpers for `npm run bench`: whole processes, interleaved rounds, medians, ratios.
import { spawnSync } from 'node:child_process';

/** Stands for "the Node under test" in a case's `cmd`: timeOnNodes() runs such a case on each Node. */
export const node = process.execPath;

/** Wall time of one run of a command, in milliseconds; throws if it fails. */
export function timeOnce({ cmd, args, env, input, okCodes = [0] }) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { env: { ...process.env, ...env }, input: input ?? '', stdio: ['pipe', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okCodes.includes(result.status)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Every case timed so far with its spread: the middle half of its times (from the first quarter
 * to the third) as a share of its median. A ruler (`node -e 0`) that spread widely was timed in a
 * spell of noise, and the ratios to it are uncertain by about as much (see bench.mjs).
 */
export const spreads = [];

function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.round((sorted.length - 1) * q)];
  return (at(0.75) - at(0.25)) / median(values);
}

/**
 * Time each case `rounds` times, interleaved so that machine noise falls on every case alike,
 * after `warmup` untimed rounds. Returns the median per case name.
 *
 * NOTE: each round runs the cases in a new random order. In a fixed order, noise that comes
 * and goes with a period near a round's length (seen on shared virtual machines) hit the same
 * case round after round, and one case came out 30% slower than a heavier one.
 */
export function timeCases(cases, { rounds = 15, warmup = 2 } = {}) {
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    const order = [...cases];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const c of order) {
      const ms = timeOnce(c);
      if (r >= warmup) samples.get(c.name).push(ms);
    }
  }
  for (const [name, values] of samples) spreads.push({ name: name.split('\u0000').reverse().join(' on '), spread: spread(values) });
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

/**
 * timeCases() on every Node in `nodes` ({ label, path }), interleaved in one run so that noise
 * falls on each alike: a case whose `cmd` is `node` runs once per Node, any other (ripgrep, a
 * peer) once for all. Returns the medians per Node label, then per case name.
 */
export function timeOnNodes(cases, nodes, options) {
  const expanded = [];
  for (const c of cases) {
    if (c.cmd !== node) expanded.push({ ...c, key: c.name });
    else for (const n of nodes) expanded.push({ ...c, cmd: n.path, key: `${n.label}\u0000${c.name}`, name: `${n.label}\u0000${c.name}` });
  }
  const medians = timeCases(expanded, options);
  return new Map(
    nodes.map((n) => [
      n.label,
      new Map(cases.map((c) => [c.name, medians.get(c.cmd === node ? `${n.label}\u0000${c.name}` : c.name)])),
    ]),
  );
}

/** Peak resident memory of one run in MB, from /usr/bin/time when the machine has it. */
export function peakMemoryMb({ cmd, args, env, input }) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { env: { ...process.env, ...env }, input: input ?? '', encoding: 'utf8', stdio: ['pipe', 'ignore', 'pipe'] });
  if (result.error) return undefined;
  const kb = Number(result.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

export function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
