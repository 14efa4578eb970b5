/** A part of a page under one heading, down to the next heading of the same or a higher level. */
export interface PageSection {
  heading: string;
  level: number;
  /** File line of the heading (1-based), or of the body's first line for the part before any heading. */
  line: number;
  markdown: string;
}

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$/;

/** Every heading's section of a page body; `bodyLine` is the file line the body starts on. */
export function pageSections(body: string, bodyLine: number): PageSection[] {
  const lines = body.split('\n');
  const headings: Array<{ index: number; level: number; heading: string }> = [];
  let fenced = false;
  lines.forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    const match = fenced ? null : HEADING.exec(text);
    if (match) headings.push({ index, level: match[1]!.length, heading: match[2]! });
  });
  return headings.map((h, i) => {
    const next = headings.slice(i + 1).find((other) => other.level <= h.level);
    const end = next ? next.index : lines.length;
    return { heading: h.heading, level: h.level, line: bodyLine + h.index, markdown: `${lines.slice(h.index, end).join('\n').trimEnd()}\n` };
  });
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The first section whose heading has every word of `query`. */
export function sectionByHeading(sections: readonly PageSection[], query: string): PageSection | undefined {
  const words = norm(query).split(' ').filter(Boolean);
  return sections.find((s) => {
    const heading = ` ${norm(s.heading)} `;
    return words.every((w) => heading.includes(` ${w}`));
  });
}

/** The innermost section holding file line `line`. */
export function sectionAtLine(sections: readonly PageSection[], line: number): PageSection | undefined {
  let best: PageSection | undefined;
  for (const s of sections) {
    const lastLine = s.line + s.markdown.split('\n').length - 2;
    if (s.line <= line && line <= lastLine && (!best || s.level > best.level)) best = s;
  }
  return best;
}
