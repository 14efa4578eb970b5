// `npm run bench search`: search over generated notes folders of 1,000, 10,000 and 50,000 notes
// (about 300 words each), beside `node -e 0` and ripgrep over the same files. Measures the first
// index build, a warm search, a search just after one note changed, and peak memory.
// The folders are generated once under .bench/ and reused.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, node, peakMemoryMb, table, timeOnce } from './lib.mjs';

const statFloor = join(dirname(fileURLToPath(import.meta.url)), 'stat-floor.cjs');
const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const QUERY = ['reference', 'back'];
// A question as delegates type it: question words, a misspelling, a short word for a prefix, a
// word no page has, and words that few notes have together (so the search is relaxed).
const QUESTION = ['who', 'spoke', 'about', 'grenfell', 'at', 'the', 'refrence', 'back', 'card', 'vot', 'whip'];
// A page of text pasted by mistake: 2,000 words.
const PASTED = Array.from({ length: 2000 }, (_, i) => `${['conference', 'motion', 'the', 'of', 'vote', 'whip', 'amendment'][i % 7]}${i % 3 === 0 ? i : ''}`);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);

// Conference words, most common first; notes draw from them and from filler words with a
// Zipf-like spread, so a query word is in some notes, not all (as in real notes).
const WORDS = (
  'the of and to a in that is for on conference motion was it with as delegates be by this at party not are vote ' +
  'labour members composite we from but they have an or policy report card delegate meeting chair said were all ' +
  'housing amendment union clp debate floor speech would one their there about which had more our so if who rule ' +
  'change economy public ownership energy nec cac forum national back reference section emergency contemporary ' +
  'ballot priorities hall session procedure order point closure remit seconded moved carried lost agreed compositing ' +
  'wording words text draft deadline affiliate affiliates unions trade women youth black socialist health education ' +
  'transport climate wages pensions workers rights council local government benefits tax justice security peace ' +
  'international agreed against abstain majority minority standing orders arrangements committee speakers visitors ' +
  'fringe evening morning afternoon brighton liverpool manchester bournemouth'
).split(/\s+/);

function* random(seed) {
  let s = seed >>> 0;
  for (;;) {
    s = (s * 1664525 + 1013904223) >>> 0;
    yield s / 4294967296;
  }
}

function word(rnd) {
  // Zipf-like: rank r with probability ~ 1/r over the conference words, then rarer fillers.
  const u = rnd.next().value;
  if (u < 0.85) return WORDS[Math.min(WORDS.length - 1, Math.floor(Math.exp((u / 0.85) * Math.log(WORDS.length + 1)) - 1))];
  return `w${Math.floor(Math.exp(rnd.next().value * Math.log(20000)))}`;
}

function noteText(i, rnd) {
  const words = Array.from({ length: 300 }, () => word(rnd));
  const lines = [];
  for (let j = 0; j < words.length; j += 14) lines.push(words.slice(j, j + 14).join(' '));
  const title = `${word(rnd)} ${word(rnd)} ${i}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `---\nid: note-${i}\ntitle: "Note ${title}"\ntags: [${word(rnd)}]\ncreated: "2025-09-${day}T10:00:00Z"\n---\n\n${lines.join('\n')}\n`;
}

function ensureNotes(dir, count) {
  const marker = join(dir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(count)) return;
  console.error(`bench: writing ${count} notes to ${dir} (once)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rnd = random(count);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `note-${String(i).padStart(5, '0')}.md`), noteText(i, rnd));
  writeFileSync(marker, String(count));
}

const ms = (x) => (x === undefined ? 'n/a' : x.toFixed(0));
const ratio = (x, base) => (x === undefined ? '' : ` (${(x / base).toFixed(2)}x)`);

export default async function ({ work, bin, env, baseline, report, over, blocked, timeCases, nodes }) {
  const rg = spawnSync('rg', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!rg) console.log('\nbench: ripgrep (rg) is not installed, so its column is left out (apt-get install ripgrep).');
  const rows = [];
  const verdicts = [];
  const questionRows = [];

  // The bundled handbook alone (an empty notes folder): a warm search, plain and as a question.
  {
    const empty = join(work, 'notes-empty');
    mkdirSync(empty, { recursive: true });
    const caseEnv = { ...env, DELEGATE_NOTES_DIR: empty, XDG_CACHE_HOME: join(work, 'search-cache-empty') };
    const plain = { name: 'delegate search reference back (handbook only)', cmd: node, args: [bin, 'search', ...QUERY], env: caseEnv };
    // NOTE: one cache folder for both, as on a delegate's computer: the V8 code kept for `search`
    // grows to hold each part of it a run took (src/startup/codeCache.ts), whichever query ran first.
    const question = { name: `delegate search ${QUESTION.join(' ')} (handbook only)`, cmd: node, args: [bin, 'search', ...QUESTION], env: caseEnv, okCodes: [0, 1] };
    const warm = timeCases([baseline, plain, question], { rounds: ROUNDS, warmup: 2 });
    report('Search, warm index, the bundled handbook only (target: at most 1.5x node -e 0)', warm, 1.5);
  }

  for (const count of SIZES) {
    const notes = join(work, `notes-${count}`);
    ensureNotes(notes, count);
    const cacheHome = join(work, `search-cache-${count}`);
    const caseEnv = { ...env, DELEGATE_NOTES_DIR: notes, XDG_CACHE_HOME: cacheHome };
    const search = { name: `delegate search (${count} notes)`, cmd: node, args: [bin, 'search', ...QUERY], env: caseEnv };
    const ripgrep = { name: `peer: rg -i -l (${count} notes)`, cmd: 'rg', args: ['-i', '-l', QUERY.join(' '), notes], okCodes: [0, 1] };
    const floor = { name: `floor: node listing and statting the notes (${count})`, cmd: node, args: [statFloor, notes] };
    const on = (n, c) => ({ ...c, cmd: n.path });

    // First build: a cold cache each time.
    const buildRounds = count >= 50000 ? 1 : 3;
    const builds = new Map();
    const buildMemory = new Map();
    for (const n of nodes) {
      const times = [];
      for (let r = 0; r < buildRounds; r++) {
        rmSync(cacheHome, { recursive: true, force: true });
        times.push(timeOnce(on(n, search)));
      }
      rmSync(cacheHome, { recursive: true, force: true });
      builds.set(n.label, median(times));
      buildMemory.set(n.label, peakMemoryMb(on(n, search)));
    }

    // NOTE: one index for every Node: the engines share its file format.
    const warm = timeCases([baseline, search, floor, ...(rg ? [ripgrep] : [])], { rounds: ROUNDS, warmup: 2 });

    for (const n of nodes) {
      const warmMemory = peakMemoryMb(on(n, search));
      // One note changed before each search (its size and mtime move), as after `notes edit`.
      const changed = [];
      for (let r = 0; r < ROUNDS; r++) {
        appendFileSync(join(notes, `note-${String((r * 7919) % count).padStart(5, '0')}.md`), `edited in round ${r}\n`);
        changed.push(timeOnce(on(n, search)));
      }
      const medians = warm.get(n.label);
      const base = medians.get(baseline.name);
      const warmMs = medians.get(search.name);
      const rgMs = rg ? medians.get(ripgrep.name) : undefined;
      const floorMs = medians.get(floor.name);
      const changeMs = median(changed);
      rows.push([
        count.toLocaleString('en-GB'),
        n.label,
        ms(builds.get(n.label)),
        `${ms(warmMs)}${ratio(warmMs, base)}`,
        `${ms(changeMs)}${ratio(changeMs, base)}`,
        rg ? `${ms(rgMs)}${ratio(rgMs, base)}` : 'n/a',
        `${ms(floorMs)}${ratio(floorMs, base)}`,
        ms(base),
        `${ms(buildMemory.get(n.label))} / ${ms(warmMemory)}`,
      ]);
      const one = (name, value) => new Map([[n.label, new Map([[baseline.name, base], [name, value]])]]);
      // The targets, through report() so that a figure over target fails the bench.
      // Issue 3's target, which it ended blocked on: where the floor alone is over it, no search
      // can meet it, and the run says so instead of counting it against delegate.
      if (count === 10000 && floorMs / base > 1.5) {
        blocked.push(`a warm search at ${count.toLocaleString('en-GB')} notes within 1.5x \`node -e 0\` (issue 3) on ${n.label}: the list-and-stat floor alone is ${(floorMs / base).toFixed(2)}x, the search ${(warmMs / base).toFixed(2)}x.`);
      } else if (count === 10000) report(`Search, warm index, ${count} notes, ${n.label} (target: at most 1.5x node -e 0)`, one(search.name, warmMs), 1.5);
      if (count === 10000 && warmMs > 1.3 * floorMs) verdicts.push(`a warm search at ${count} notes on ${n.label} is ${(warmMs / floorMs).toFixed(2)}x the list-and-stat floor, over 1.3x`);
      // Issue 3's other target, the same way: no search beats rg where listing and statting the notes alone does not.
      if (count === 50000 && rg && floorMs >= rgMs) {
        blocked.push(`a warm search at ${count.toLocaleString('en-GB')} notes faster than rg (issue 3) on ${n.label}: the list-and-stat floor alone takes ${ms(floorMs)} ms, rg ${ms(rgMs)}, the search ${ms(warmMs)}.`);
      } else if (count === 50000 && rg) report(`Search, warm index, ${count} notes, ${n.label} (target: faster than rg, ${(rgMs / base).toFixed(2)}x)`, one(search.name, warmMs), rgMs / base);
      report(
        `Search just after one note changed, ${count} notes, ${n.label} (target: at most 2x the warm search, ${((2 * warmMs) / base).toFixed(2)}x)`,
        one(`delegate search after a change (${count} notes)`, changeMs),
        (2 * warmMs) / base,
      );
      for (const [what, mb] of [['first build', buildMemory.get(n.label)], ['warm search', warmMemory]]) {
        if (mb !== undefined && mb >= 150) verdicts.push(`peak memory of the ${what} at ${count} notes on ${n.label} is ${mb.toFixed(0)} MB, over 150 MB`);
      }
    }
    // Before and after issue 11 in the same run: every word as typed (DELEGATE_SEARCH_STRATEGY=exact)
    // against question words, corrections, synonyms and relaxation; and a pasted page of text.
    if (count <= 10000) {
      // Each case with a cache folder (an index and V8's code) of its own: the code kept for a
      // command grows to hold each part of it a run took (src/startup/codeCache.ts), so that in a
      // shared folder the plain search would start with the question's code as well.
      const own = (suffix, extra = {}) => ({ ...caseEnv, ...extra, XDG_CACHE_HOME: `${cacheHome}-${suffix}` });
      const pair = (label, words, okCodes, suffix) => [
        { name: `before: ${label} (${count})`, cmd: node, args: [bin, 'search', ...words], env: own(`exact-${suffix}`, { DELEGATE_SEARCH_STRATEGY: 'exact' }), okCodes },
        { name: `after: ${label} (${count})`, cmd: node, args: [bin, 'search', ...words], env: own(suffix), okCodes },
      ];
      const cases = [...pair(QUERY.join(' '), QUERY, [0], 'plain'), ...pair('the question', QUESTION, [0, 1], 'question')];
      const pasted = { name: `after: 2,000 pasted words (${count})`, cmd: node, args: [bin, 'search', PASTED.join(' ')], env: own('pasted'), okCodes: [0, 1] };
      const byNode = timeCases([baseline, ...cases, pasted], { rounds: ROUNDS, warmup: 2 });
      for (const [label, times] of byNode) {
        for (let i = 0; i < cases.length; i += 2) {
          const before = times.get(cases[i].name);
          const after = times.get(cases[i + 1].name);
          const added = after - before;
          questionRows.push([count.toLocaleString('en-GB'), label, cases[i].name.replace(/^before: | \(\d+\)$/g, ''), before.toFixed(1), after.toFixed(1), added.toFixed(1), count === 1000 ? (added <= 10 ? 'ok' : 'OVER 10 ms') : '']);
          if (count === 1000 && added > 10) verdicts.push(`question words, corrections, synonyms and relaxation add ${added.toFixed(1)} ms to "${cases[i].name}" on ${label}, over 10 ms`);
        }
        const pastedMs = times.get(pasted.name);
        questionRows.push([count.toLocaleString('en-GB'), label, '2,000 pasted words', '', pastedMs.toFixed(1), '', pastedMs <= 1000 ? 'ok' : 'OVER 1 s']);
        if (pastedMs > 1000) verdicts.push(`a pasted 2,000-word query took ${pastedMs.toFixed(0)} ms at ${count} notes on ${label}, over a second`);
      }
    }
  }

  const markdown = [
    `Search benchmark (query: \`${QUERY.join(' ')}\`; times are medians in ms, with the ratio to \`node -e 0\`):`,
    '',
    table(rows, ['notes', 'Node', 'first build', 'warm search', 'after one change', 'rg -i -l', 'list + stat floor', 'node -e 0', 'peak MB (build / warm)']),
    '',
    'Targets: warm search at 10,000 notes within 1.3x the list-and-stat floor (and within 1.5x `node -e 0` where the floor allows); at 50,000 faster than rg; after one change within 2x the warm search; peak memory under 150 MB.',
    '"list + stat floor" is a Node script that only lists the notes and stats each one, as every search must to stay in step with the files: no index, no query, no output.',
  ].join('\n');
  const questions = [
    'Question words, corrections, synonyms and relaxation (issue 11): the same query before (`DELEGATE_SEARCH_STRATEGY=exact`, every word as typed) and after, in the same run; medians in ms.',
    `The question: \`${QUESTION.join(' ')}\`.`,
    '',
    table(questionRows, ['notes', 'Node', 'query', 'before', 'after', 'added', 'target (at 1,000: at most 10 ms added; pasted: within 1 s)']),
  ].join('\n');
  console.log(`\n## Search: the whole table\n\n${markdown}\n\n${questions}`);
  writeFileSync(join(work, 'search.md'), `${markdown}\n\n${questions}\n`);
  for (const v of verdicts) {
    console.log(`OVER: ${v}`);
    over(v);
  }
}
