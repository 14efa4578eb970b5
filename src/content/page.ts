/** Where a page came from: the bundled handbook, the delegate's notes, or DELEGATE_PATH. */
export type Origin = 'bundled' | 'personal' | 'extra';

export const pageKinds = ['lesson', 'note', 'procedure', 'cheatsheet'] as const;
export type PageKind = (typeof pageKinds)[number];

/** One handbook page or personal note, parsed from Markdown with YAML front matter. */
export interface Page {
  id: string;
  title: string;
  kind: PageKind;
  tags: string[];
  summary: string;
  sources: string[];
  date?: string;
  /** When the page's facts were last checked against its sources (YYYY-MM-DD). */
  checked?: string;
  order?: number;
  author?: string;
  created?: string;
  /** Markdown after the front matter. */
  body: string;
  /** 1-based line number in the file where the body starts. */
  bodyLine: number;
  file: string;
  origin: Origin;
  /** Size and modification time of the file when read, to key caches of its rendering. */
  stamp?: string;
}

/** A problem with one file that leaves every other page usable. */
export interface ContentWarning {
  file: string;
  line?: number;
  message: string;
}

/** A directory pages are read from, in override order (later wins). */
export interface ContentPath {
  dir: string;
  origin: Origin;
  /** Pages parsed at build time, used while they match the files (bundled content only). */
  manifest?: string;
}

/** The page's JSON form, as `read --json` and `list --json` give it (body only when asked). */
export function pageToJson(page: Page, withBody: boolean): Record<string, unknown> {
  const { body, bodyLine: _bodyLine, stamp: _stamp, ...meta } = page;
  return withBody ? { ...meta, body } : meta;
}
