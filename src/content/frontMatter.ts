export interface FrontMatterSplit {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  hasFrontMatter: boolean;
}

/** A front matter problem, with the file line it is on. */
export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'FrontMatterError';
  }
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/m;

type YamlParse = (text: string) => unknown;
let yamlParse: YamlParse | undefined;

/**
 * The full YAML parser is large (about a third of start-up time), so it is loaded only when a
 * file's front matter is more than the simple `key: value` form every bundled page uses.
 */
async function fullYaml(text: string): Promise<unknown> {
  if (!yamlParse) {
    const loaded = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
    // The bundle loads yaml's CommonJS build, whose exports arrive under `default`.
    const parse = loaded.parse ?? loaded.default!.parse;
    yamlParse = (t) => {
      try {
        return parse(t);
      } catch (error) {
        // By name: the class is not reachable the same way through every bundling of `yaml`.
        if (error instanceof Error && error.name === 'YAMLParseError') {
          const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
          throw new FrontMatterError((error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''), line + 1);
        }
        throw error;
      }
    };
  }
  return yamlParse(text);
}

const KEY = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#:]|:(?=\S)|[^\s]#)*$/;
const DOUBLE = /^"(?:[^"\\\n]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/;
const SINGLE = /^'(?:[^']|'')*'$/;

function scalar(text: string): unknown {
  if (DOUBLE.test(text)) return JSON.parse(text) as string;
  if (SINGLE.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  if (!PLAIN.test(text)) throw new Error('not simple');
  if (/^-?\d{1,15}$/.test(text)) return Number(text);
  if (/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(text) || /^[-+]?(\.\d|\d+\.\d*(e[-+]?\d+)?$)/i.test(text)) {
    throw new Error('not simple');
  }
  return text;
}

/**
 * The subset of YAML the handbook's pages use: `key: scalar`, `key: [a, b]` and `key:` followed
 * by `  - item` lines. Returns undefined for anything else, which the full parser then reads.
 */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  const blockKeys: string[] = [];
  let list: unknown[] | undefined;
  try {
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      const item = /^[ \t]*-[ \t]+(.*?)[ \t]*$/.exec(line);
      if (item) {
        if (!list) return undefined;
        list.push(scalar(item[1]!));
        continue;
      }
      const match = KEY.exec(line);
      if (!match) return undefined;
      const [, key, value] = match;
      if (key! in data) return undefined;
      list = undefined;
      if (value === undefined || value === '') {
        list = [];
        data[key!] = list;
        blockKeys.push(key!);
      } else if (value.startsWith('[')) {
        if (!value.endsWith(']')) return undefined;
        const inner = value.slice(1, -1).trim();
        data[key!] = inner === '' ? [] : inner.split(',').map((v) => scalar(v.trim()));
      } else {
        data[key!] = scalar(value);
      }
    }
  } catch {
    return undefined;
  }
  // `key:` with nothing under it is null in YAML, not an empty list.
  for (const key of blockKeys) if ((data[key] as unknown[]).length === 0) data[key] = null;
  return data;
}

/** Where a page's Markdown body starts, and its YAML front matter's text (undefined when it has none). */
export interface BodySplit {
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  yaml: string | undefined;
}

/**
 * Split `---` front matter from a Markdown body without parsing the YAML: what search needs to
 * show a page's lines. Throws FrontMatterError when the front matter is never closed.
 */
export function frontMatterBody(text: string): BodySplit {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = OPEN.exec(source);
  if (!open) return { body: source, bodyLine: 1, yaml: undefined };
  const rest = source.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new FrontMatterError('the front matter opened with --- on line 1 is never closed with ---', 1);
  const yaml = rest.slice(0, close.index);
  let bodyStart = close.index + close[0].length;
  if (rest[bodyStart] === '\n') bodyStart++;
  return { body: rest.slice(bodyStart), bodyLine: yaml.split('\n').length + 2, yaml };
}

/** Split `---` YAML front matter from a Markdown body; a file without it is all body. */
export async function splitFrontMatter(text: string): Promise<FrontMatterSplit> {
  const { body, bodyLine, yaml } = frontMatterBody(text);
  if (yaml === undefined) return { data: {}, body, bodyLine, hasFrontMatter: false };
  const data = parseSimpleYaml(yaml) ?? (yaml.trim() === '' ? {} : await fullYaml(yaml));
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be YAML "key: value" lines', 2);
  }
  return { data: data as Record<string, unknown>, body, bodyLine, hasFrontMatter: true };
}
