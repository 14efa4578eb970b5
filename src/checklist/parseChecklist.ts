import { basename } from 'node:path';
import { splitFrontMatter } from '../content/frontMatter.js';
import type { ContentWarning, Origin } from '../content/page.js';
import { slugify } from '../util/slug.js';
import type { Checklist, ChecklistItem } from './checklist.js';

/** A checklist file that cannot be used, with the 1-based file line the problem is on. */
export class ChecklistFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'ChecklistFormatError';
  }
}

export interface ParsedChecklist {
  checklist: Checklist;
  /** Problems that leave the checklist usable (two items slugging to the same id). */
  warnings: ContentWarning[];
}

// `- [ ] text`, also `*`, `+` and `1.` markers and `[X]`, as people write task lists by hand.
const ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t]+(.*?))?[ \t]*$/;
const PLAIN_BULLET = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const ITEM_ID = /[ \t]*\{#([^{}]*)\}$/;
const SEE = /^see:[ \t]*(.*)$/i;
const HEADING = /^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const COMMENT = /^<!--.*-->$/;

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asString).filter((v): v is string => !!v);
  const single = asString(value);
  return single ? [single] : [];
}

interface DraftItem {
  text: string;
  explicitId: string | undefined;
  ticked: boolean;
  line: number;
  body: string[];
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut).trimEnd());
}

function finishItem(draft: DraftItem): Omit<ChecklistItem, 'id'> {
  const see: string[] = [];
  const kept: string[] = [];
  for (const line of dedent(draft.body)) {
    const match = SEE.exec(line.trim());
    if (match) see.push(...match[1]!.split(/[,;]/).map((s) => slugify(s.trim())).filter(Boolean));
    else kept.push(line);
  }
  return {
    text: draft.text,
    explanation: kept.join('\n').trim(),
    see: [...new Set(see)],
    tickedInFile: draft.ticked,
    line: draft.line,
  };
}

/** The checklist's id and sources from its front matter; a bundled file must carry every field. */
function readFrontMatterFields(data: Record<string, unknown>, file: string, strict: boolean): { id: string; sources: string[] } {
  const missing = (key: string) => new ChecklistFormatError(`front matter has no "${key}"`, 1);
  const rawId = asString(data.id);
  if (strict && !rawId) throw missing('id');
  const id = slugify(rawId || basename(file, '.md'));
  if (!id) throw new ChecklistFormatError('the checklist id is empty once made safe; give it letters or digits', 1);
  for (const key of ['title', 'when', 'summary'] as const) if (strict && !asString(data[key])) throw missing(key);
  const sources = asStrings(data.sources);
  if (strict && sources.length === 0) throw missing('sources');
  return { id, sources };
}

/** One `- [ ] text {#id}` line as a draft item, its id made safe and its text checked. */
function readItemLine(item: RegExpExecArray, lineNo: number, strict: boolean): DraftItem {
  let itemText = item[2] ?? '';
  const idMatch = ITEM_ID.exec(itemText);
  let explicitId: string | undefined;
  if (idMatch) {
    explicitId = slugify(idMatch[1]!.replace(/^#/, ''));
    if (!explicitId) throw new ChecklistFormatError(`the item id "{#${idMatch[1]}}" is empty once made safe; use letters, digits and hyphens`, lineNo);
    itemText = itemText.slice(0, idMatch.index).trimEnd();
  }
  if (!itemText) throw new ChecklistFormatError('this item has no text; write "- [ ] what to do {#item-id}"', lineNo);
  if (strict && !explicitId) throw new ChecklistFormatError('a bundled checklist item needs a stable id: end the line with {#item-id}', lineNo);
  return { text: itemText, explicitId, ticked: item[1] !== ' ', line: lineNo, body: [] };
}

/** The body of a checklist file in its three parts: the intro, the items, the closing section. */
interface ChecklistBody {
  intro: string[];
  /** The first heading of the intro, taken as the title when the front matter has none. */
  headingTitle: string | undefined;
  drafts: DraftItem[];
  closing: string[];
}

/** Walk the body line by line: intro text, then items with their indented explanations, then a closing section from the first heading after the items. */
function readBody(body: string, bodyLine: number, strict: boolean, hasTitle: boolean): ChecklistBody {
  const intro: string[] = [];
  let headingTitle: string | undefined;
  const drafts: DraftItem[] = [];
  let current: DraftItem | undefined;
  const closing: string[] = [];
  let closingLine = 0;

  const lines = body.split('\n').map((l) => l.replace(/\r$/, ''));
  lines.forEach((line, index) => {
    const lineNo = bodyLine + index;
    const item = ITEM.exec(line);
    if (closingLine) {
      // NOTE: everything after the closing heading is text to print, so an item there would
      // silently vanish from the list; refuse it instead.
      if (item) throw new ChecklistFormatError(`an item cannot come after the closing section that starts on line ${closingLine}; move it above that heading`, lineNo);
      closing.push(line);
      return;
    }
    if (item) {
      current = readItemLine(item, lineNo, strict);
      drafts.push(current);
      return;
    }
    if (current) {
      if (line.trim() === '' || /^[ \t]/.test(line)) {
        current.body.push(line);
        return;
      }
      if (COMMENT.test(line.trim())) return;
      if (HEADING.test(line)) {
        closingLine = lineNo;
        closing.push(line);
        return;
      }
      if (PLAIN_BULLET.test(line)) {
        throw new ChecklistFormatError('this list item has no checkbox; write "- [ ] text" to make it an item, or indent it under the item above', lineNo);
      }
      throw new ChecklistFormatError('this line is not part of an item; indent an explanation two spaces under its item, start a new item with "- [ ] ", or begin a closing section after the last item with a heading', lineNo);
    }
    const heading = HEADING.exec(line);
    if (heading && !hasTitle && headingTitle === undefined && intro.every((l) => l.trim() === '')) {
      headingTitle = heading[1]!;
      return;
    }
    intro.push(line);
  });
  return { intro, headingTitle, drafts, closing };
}

/**
 * Give every item its id: an explicit `{#id}` as written (a repeat is an error), otherwise one
 * slugged from its text, numbered when it would clash, with a warning saying so.
 */
function assignItemIds(drafts: DraftItem[], file: string): { items: ChecklistItem[]; warnings: ContentWarning[] } {
  // Explicit ids are the delegate's promise that ticks follow the item: a repeat is an error.
  const explicitLines = new Map<string, number>();
  for (const draft of drafts) {
    if (!draft.explicitId) continue;
    const first = explicitLines.get(draft.explicitId);
    if (first !== undefined) {
      throw new ChecklistFormatError(`the item id "${draft.explicitId}" is already used on line ${first}; give each item its own {#id}`, draft.line);
    }
    explicitLines.set(draft.explicitId, draft.line);
  }

  const warnings: ContentWarning[] = [];
  const used = new Map<string, number>(explicitLines);
  const items: ChecklistItem[] = drafts.map((draft) => {
    let itemId = draft.explicitId;
    if (!itemId) {
      const base = slugify(draft.text, 60) || 'item';
      itemId = base;
      for (let n = 2; used.has(itemId); n++) itemId = `${base}-${n}`;
      if (itemId !== base) {
        warnings.push({
          file,
          line: draft.line,
          message: `this item and the one on line ${used.get(base)} would both have the id "${base}", so this one is "${itemId}"; add {#an-id} to each so ticks stay with the right item`,
        });
      }
      used.set(itemId, draft.line);
    }
    return { id: itemId, ...finishItem(draft) };
  });
  return { items, warnings };
}

/**
 * Parse one checklist file. Bundled checklists must carry every front matter field and a
 * `{#id}` on each item; a delegate's own file may leave them out: the id comes from the file
 * name, the title from its first heading, and item ids are slugged from the item text. A
 * heading after the items starts the closing section, which runs to the end of the file.
 * Throws ChecklistFormatError, or FrontMatterError for bad front matter, with the line of the
 * first problem.
 */
export async function parseChecklist(text: string, file: string, origin: Origin): Promise<ParsedChecklist> {
  if (text.includes('\u0000')) throw new ChecklistFormatError('this is a binary file, not Markdown', 1);
  const { data, body, bodyLine } = await splitFrontMatter(text);
  const strict = origin === 'bundled';
  const { id, sources } = readFrontMatterFields(data, file, strict);
  const { intro, headingTitle, drafts, closing } = readBody(body, bodyLine, strict, !!asString(data.title));

  if (drafts.length === 0) {
    throw new ChecklistFormatError('no checklist items found; write each item as "- [ ] what to do {#item-id}"', bodyLine);
  }
  const { items, warnings } = assignItemIds(drafts, file);

  const checklist: Checklist = {
    id,
    title: asString(data.title) || headingTitle || basename(file, '.md'),
    when: asString(data.when) ?? '',
    summary: asString(data.summary) ?? '',
    sources,
    intro: intro.join('\n').trim(),
    closing: closing.join('\n').trim(),
    items,
    file,
    origin,
  };
  if (typeof data.order === 'number') checklist.order = data.order;
  return { checklist, warnings };
}
