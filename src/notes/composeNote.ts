import { splitFrontMatter } from '../content/frontMatter.js';
import { slugify } from '../util/slug.js';

/** A note ready to be written under any free name: `render(id)` gives the file's text. */
export interface ComposedNote {
  title: string;
  tags: string[];
  /** The file name (without .md) to try first. */
  name: string;
  render(id: string): string;
}

export interface NoteDefaults {
  /** A title given on the command line; the front matter's own title wins over it. */
  title?: string;
  tags?: string[];
  /** ISO date-time for `created`, when the text has none. */
  created: string;
  /** The file name to try first, when not the title's slug (an imported file keeps its name). */
  name?: string;
  /** The title when nothing else gives one. */
  fallbackTitle: string;
}

// Front matter keys the notes commands write; any others the delegate adds are kept as written.
const MANAGED = ['id', 'title', 'tags', 'created'];
const TITLE_LENGTH = 120;

/** One line of text, with control characters and runs of spaces made single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A YAML string the fast front matter reader takes back unchanged: JSON-style double quotes. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

// Words YAML reads as true, false or null rather than as text.
const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

function plainOrQuoted(text: string): string {
  return /^[a-z][a-z0-9-]*$/.test(text) && !YAML_WORDS.test(text) ? text : yamlString(text);
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).filter((v): v is string => v !== undefined);
  const text = asText(value);
  return text ? text.split(',') : [];
}

function titleFromBody(body: string, firstLine: boolean): string | undefined {
  const heading = /^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/m.exec(body);
  if (heading) return heading[1];
  return firstLine ? body.split('\n').find((line) => line.trim() !== '') : undefined;
}

function shorten(title: string): string {
  if (title.length <= TITLE_LENGTH) return title;
  const cut = title.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The front matter lines not managed here, with any indented lines that continue them. */
function otherLines(frontMatter: string): string[] {
  const kept: string[] = [];
  let skipping = false;
  for (const line of frontMatter.split('\n')) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key !== undefined) skipping = MANAGED.includes(key);
    else if (!/^\s/.test(line) && line.trim() !== '') skipping = false;
    if (!skipping && line.trim() !== '') kept.push(line.replace(/\r$/, ''));
  }
  return kept;
}

/**
 * Turn the text of a new note (from the editor, standard input or a file being imported) into
 * a note file: front matter with id, title, tags and created, then the body as written.
 * Returns undefined for a note with nothing in its body: an empty note is not saved.
 * Throws FrontMatterError when the text's own front matter cannot be read.
 */
export async function composeNote(text: string, defaults: NoteDefaults): Promise<ComposedNote | undefined> {
  const source = text.replace(/\r\n/g, '\n');
  const { data, body, bodyLine, hasFrontMatter } = await splitFrontMatter(source);
  if (body.trim() === '') return undefined;
  const rawTitle = asText(data.title)?.trim() || defaults.title?.trim() || titleFromBody(body, !defaults.name) || '';
  const title = shorten(oneLine(rawTitle.replace(/^#+\s*/, ''))) || defaults.fallbackTitle;
  const tags = [...new Set([...asList(data.tags), ...(defaults.tags ?? [])].map((t) => slugify(t)).filter(Boolean))];
  const created = oneLine(asText(data.created) || defaults.created);
  const name = slugify(defaults.name ?? '') || slugify(title) || 'note';
  // The front matter is the lines between the opening --- (line 1) and the closing one.
  const others = hasFrontMatter ? otherLines(source.split('\n').slice(1, bodyLine - 2).join('\n')) : [];
  const cleanBody = body.replace(/^\n+/, '');
  return {
    title,
    tags,
    name,
    render: (id) =>
      [
        '---',
        `id: ${plainOrQuoted(id)}`,
        `title: ${yamlString(title)}`,
        `tags: [${tags.join(', ')}]`,
        `created: ${yamlString(created)}`,
        ...others,
        '---',
        '',
        cleanBody.endsWith('\n') ? cleanBody : `${cleanBody}\n`,
      ].join('\n'),
  };
}

/** The front matter of a note about to be written in the editor (its body left for the delegate). */
export function noteTemplate(fields: { title: string; tags: string[]; created: string }): string {
  return ['---', `title: ${yamlString(fields.title)}`, `tags: [${fields.tags.map((t) => slugify(t)).filter(Boolean).join(', ')}]`, `created: ${yamlString(fields.created)}`, '---', '', ''].join('\n');
}
