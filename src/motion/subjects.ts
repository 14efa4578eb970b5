import { clauses, findParts } from './findParts.js';
import { stem, substantiveWords } from './words.js';

// Words any motion may use whatever its subject; they must not tie two subjects together.
const GENERIC = new Set(
  `labour government party people public new local national year years need needs ensure make
  made including across country uk england britain british members movement campaign support
  policy policies work working right rights also can time call every no not nor`
    .split(/\s+/)
    .map(stem),
);

/** One of the things a motion is about: a group of its demands, and the words they share. */
export interface Subject {
  /** Its most frequent words, as written. */
  words: string[];
  /** How many of the motion's demands are in it. */
  demands: number;
}

/** A group of demands must hold at least this share of the demands' words to count. */
const MIN_SHARE = 0.2;

interface Unit {
  words: Array<{ word: string; stem: string }>;
  stems: Set<string>;
}

/**
 * The separate subjects a motion's demands fall into. Demands are grouped when they share a
 * word (by rough stem; place names and words any motion uses do not count). A group is a
 * subject of its own when it holds a fifth or more of the demands' words and the motion argues
 * for it separately: some sentence of its notes or believes shares words with that group and
 * no other. More than one subject suggests the motion should be two. A heuristic: it can miss,
 * and it can be fooled.
 */
export function subjects(body: string): Subject[] {
  const parts = findParts(body);
  const demands = parts.demands.map(unit).filter((u) => u.stems.size > 0);
  if (demands.length < 2) return [];
  const argument = clauses([parts.notes, parts.believes].filter(Boolean).join('\n\n')).map(unit);

  // Union-find over demands: two join when they share a stem.
  const parent = demands.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWith = new Map<string, number>();
  demands.forEach((d, i) => {
    for (const s of d.stems) {
      const j = firstWith.get(s);
      if (j === undefined) firstWith.set(s, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Unit[]>();
  demands.forEach((d, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), d]));

  const total = demands.reduce((n, d) => n + d.words.length, 0);
  const list = [...groups.values()].map((members) => ({ members, stems: new Set(members.flatMap((m) => [...m.stems])) }));
  const subjectsFound: Subject[] = [];
  for (const group of list) {
    const size = group.members.reduce((n, d) => n + d.words.length, 0);
    if (size < MIN_SHARE * total) continue;
    const touches = (u: Unit, g: (typeof list)[number]) => [...u.stems].some((s) => g.stems.has(s));
    const support = argument.filter((u) => touches(u, group) && list.every((other) => other === group || !touches(u, other)));
    if (support.length === 0) continue;
    subjectsFound.push({ words: topWords([...group.members, ...support].flatMap((u) => u.words)), demands: group.members.length });
  }
  return subjectsFound;
}

function unit(text: string): Unit {
  const words = substantiveWords(text)
    .filter((w) => {
      // A capitalised word inside a sentence is a name (Anytown, Passivhaus), not a subject.
      const raw = text.slice(w.start, w.end);
      return text.slice(0, w.start).trim() === '' || !/^\p{Lu}\p{Ll}/u.test(raw);
    })
    .map((w) => ({ word: text.slice(w.start, w.end).toLowerCase(), stem: stem(w.text) }))
    .filter((w) => !GENERIC.has(w.stem));
  return { words, stems: new Set(words.map((w) => w.stem)) };
}

function topWords(all: Array<{ word: string; stem: string }>): string[] {
  const byStem = new Map<string, { count: number; word: string }>();
  for (const { word, stem: s } of all) {
    const entry = byStem.get(s);
    if (entry) entry.count++;
    else byStem.set(s, { count: 1, word });
  }
  return [...byStem.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 4)
    .map((e) => e.word);
}
