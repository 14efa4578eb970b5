// Property: for many invented motions and random edits of their words, sentences, paragraphs
// and lists, drafting the amendment from the edited copy and applying it to the original gives
// the edited text back (spacing aside). A small seeded generator: the same cases every run.
import { applyAmendments } from '../../src/motion/applyAmendment.js';
import { draftAmendment } from '../../src/motion/draftAmendment.js';
import { layoutMotion, layoutText, markerFor, spacingAside, type ListStyle } from '../../src/motion/paragraphs.js';
import { parseAmendments } from '../../src/motion/parseAmendment.js';
import { parseMotion } from '../../src/motion/parseMotion.js';

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = (
  'the the the of of and and to to a in for council councils homes housing rents tenants workers union unions ' +
  'public ownership buses trains fares wages pay rise cut cuts every region village villages town towns ' +
  'government Labour local national fund funding plan ten years since 2010 150,000 new secure fair ' +
  "workers' rights don't must should will campaign end ban support build restore protect care staff"
).split(' ');

const STYLES: ListStyle[] = [
  { kind: 'decimal', upper: false, open: '', close: '.' },
  { kind: 'roman', upper: false, open: '', close: '.' },
  { kind: 'alpha', upper: false, open: '', close: ')' },
  { kind: 'roman', upper: false, open: '(', close: ')' },
  { kind: 'bullet', upper: false, open: '', close: '-' },
];

interface Model {
  title: string;
  paragraphs: Array<{ lead: string[][]; points: string[][] | null; style: ListStyle }>;
}

function generator(seed: number) {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const words = (lo: number, hi: number) => Array.from({ length: int(lo, hi) }, () => pick(VOCABULARY));
  const sentence = (): string[] => {
    const w = words(5, 14);
    w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
    if (w.length > 7 && rnd() < 0.4) w[3] = `${w[3]},`;
    w[w.length - 1] = `${w[w.length - 1]}.`;
    return w;
  };
  const paragraph = () => ({ lead: Array.from({ length: int(1, 3) }, sentence), points: null, style: STYLES[0]! });
  const point = () => {
    const w = sentence();
    return w;
  };
  return { rnd, int, pick, words, sentence, paragraph, point };
}

function makeMotion(g: ReturnType<typeof generator>): Model {
  const paragraphs: Model['paragraphs'] = [];
  for (let i = g.int(1, 3); i > 0; i--) paragraphs.push(g.paragraph());
  paragraphs.push({ lead: [['Conference', 'resolves', 'to', 'call', 'on', 'the', 'government', 'to:']], points: Array.from({ length: g.int(2, 5) }, g.point), style: g.pick(STYLES) });
  if (g.rnd() < 0.5) paragraphs.push(g.paragraph());
  const title = g.words(2, 6).join(' ').replace(/[.,:]/g, '');
  return { title: title.charAt(0).toUpperCase() + title.slice(1), paragraphs };
}

function render(model: Model, g: ReturnType<typeof generator>, wrap: boolean): string {
  const blocks = [model.title];
  for (const p of model.paragraphs) {
    const lines: string[] = [];
    const lead = p.lead.map((s) => s.join(' ')).join(' ');
    if (lead) {
      if (!wrap) lines.push(lead);
      else {
        // Wrapped as a word processor would; a line never starts with a word that looks like a list marker.
        let line = '';
        for (const w of lead.split(' ')) {
          if (line && line.length + w.length > 50) {
            lines.push(line);
            line = w;
          } else line = line ? `${line} ${w}` : w;
        }
        lines.push(line);
      }
    }
    // Wrapped copies also put blank lines around the list, as some documents do.
    if (wrap && p.points && lead.endsWith(':')) lines.push('');
    p.points?.forEach((pt, i) => {
      if (wrap && i > 0 && g.rnd() < 0.3) lines.push('');
      lines.push(`${markerFor(p.style, i + 1)} ${pt.join(' ')}`);
    });
    blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

type Edit = (m: Model, g: ReturnType<typeof generator>) => void;

function someWords(m: Model, g: ReturnType<typeof generator>): string[] {
  const places: string[][] = [];
  for (const p of m.paragraphs) {
    for (const s of p.lead) places.push(s);
    for (const pt of p.points ?? []) places.push(pt);
  }
  return g.pick(places);
}

const EDITS: Record<string, Edit> = {
  replaceWord: (m, g) => {
    const w = someWords(m, g);
    w[g.int(0, w.length - 1)] = g.pick(VOCABULARY);
  },
  insertWords: (m, g) => {
    const w = someWords(m, g);
    w.splice(g.int(0, w.length), 0, ...g.words(1, 3));
  },
  deleteWords: (m, g) => {
    const w = someWords(m, g);
    if (w.length > 4) w.splice(g.int(0, w.length - 3), g.int(1, 3));
  },
  rewriteSentence: (m, g) => {
    const p = g.pick(m.paragraphs);
    if (p.lead.length > 0 && !p.points) p.lead[g.int(0, p.lead.length - 1)] = g.sentence();
  },
  addSentence: (m, g) => {
    const p = g.pick(m.paragraphs);
    if (!p.points) p.lead.splice(g.int(0, p.lead.length), 0, g.sentence());
  },
  deleteSentence: (m, g) => {
    const p = g.pick(m.paragraphs);
    if (p.lead.length > 1) p.lead.splice(g.int(0, p.lead.length - 1), 1);
  },
  insertParagraph: (m, g) => {
    m.paragraphs.splice(g.int(0, m.paragraphs.length), 0, g.paragraph());
  },
  deleteParagraph: (m, g) => {
    if (m.paragraphs.length > 1) m.paragraphs.splice(g.int(0, m.paragraphs.length - 1), 1);
  },
  insertPoint: (m, g) => {
    const p = m.paragraphs.find((x) => x.points);
    if (p) p.points!.splice(g.int(0, p.points!.length), 0, g.point());
  },
  deletePoint: (m, g) => {
    const p = m.paragraphs.find((x) => x.points);
    if (p && p.points!.length > 1) p.points!.splice(g.int(0, p.points!.length - 1), 1);
  },
  retitle: (m, g) => {
    m.title = `${g.pick(['Fair', 'Public', 'Secure', 'Local'])} ${g.words(1, 4).join(' ').replace(/[.,:]/g, '')}`;
  },
};

const CASES = 400;

describe('drafting an amendment, then applying it, gives the edited text back', () => {
  const kinds = Object.keys(EDITS);
  const counts: Record<string, number> = {};
  const forms: Record<string, number> = {};
  test(`${CASES} invented motions, each with 1 to 4 random edits`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= CASES; seed++) {
      const g = generator(seed);
      const model = makeMotion(g);
      const original = render(model, g, g.rnd() < 0.5);
      const edited: Model = JSON.parse(JSON.stringify(model));
      for (let k = g.int(1, 4); k > 0; k--) {
        const kind = g.pick(kinds);
        counts[kind] = (counts[kind] ?? 0) + 1;
        EDITS[kind]!(edited, g);
      }
      const editedText = render(edited, g, false);
      const want = spacingAside(layoutText(layoutMotion(parseMotion(editedText))));
      let got: string;
      let amendment = '';
      try {
        const drafted = draftAmendment(parseMotion(original), parseMotion(editedText));
        amendment = drafted.text;
        for (const i of drafted.instructions) {
          const form = i.op === 'deleteParagraph' || i.op === 'deletePoint' ? `${i.op}${i.text === undefined ? '' : '+text'}` : i.op;
          forms[form] = (forms[form] ?? 0) + 1;
        }
        got = spacingAside(layoutText(applyAmendments(parseMotion(original), parseAmendments(amendment, 'drafted')).layout));
      } catch (error) {
        got = `ERROR ${(error as Error).message}`;
      }
      if (got !== want) failures.push(`seed ${seed}\n--- original\n${original}\n--- edited\n${editedText}\n--- amendment\n${amendment}\n--- got\n${got}\n--- want\n${want}`);
    }
    expect(failures.slice(0, 2).join('\n\n')).toBe('');
    expect(failures).toHaveLength(0);
    for (const kind of kinds) expect(counts[kind]).toBeGreaterThan(50);
    // Every conventional form was drafted, not only whole paragraphs replaced.
    for (const form of ['replaceTitle', 'insertAt', 'insertParagraph', 'delete', 'deleteRange', 'deletePoint', 'insertPoint', 'addAtEnd', 'deleteParagraph']) {
      expect(`${form}: ${forms[form] ?? 0}`).not.toBe(`${form}: 0`);
    }
    expect(forms['deleteParagraph+text'] ?? 0).toBeLessThan(CASES / 10);
  });
});
