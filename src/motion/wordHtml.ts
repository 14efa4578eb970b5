// NOTE: pure. mammoth turns a Word document into plain HTML (headings, paragraphs, lists,
// tables); this turns that HTML into the text the motion workbench reads: "# " headings, one
// paragraph a line with a blank line between, numbered items "1." and bullets "-".

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of mammoth's HTML, headings and lists kept. */
export function wordHtmlToText(html: string): string {
  // Each block, with the list it is an item of (items of one list go on consecutive lines).
  const blocks: Array<{ text: string; list: number | undefined }> = [];
  let listCount = 0;
  let topList: number | undefined;
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let current: string | undefined;
  let prefix = '';
  const open = (start: string) => {
    flush();
    current = '';
    prefix = start;
  };
  const flush = () => {
    if (current !== undefined) {
      const text = current.replace(/\s+/g, ' ').trim();
      if (text !== '') blocks.push({ text: prefix + text, list: lists.length > 0 ? topList : undefined });
    }
    current = undefined;
    prefix = '';
  };
  const tag = /<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    if (m[4] !== undefined) {
      if (current === undefined) open('');
      current += decode(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (/^h[1-6]$/.test(name)) {
      if (closing) flush();
      else open(`${'#'.repeat(Number(name[1]))} `);
    } else if (name === 'p' || name === 'td' || name === 'th') {
      // a paragraph inside a list item carries on the item
      if (closing) {
        if (lists.length === 0) flush();
      } else if (lists.length === 0 || current === undefined) open('');
      else current += ' ';
    } else if (name === 'ol' || name === 'ul') {
      flush();
      if (closing) lists.pop();
      else {
        if (lists.length === 0) topList = ++listCount;
        lists.push({ ordered: name === 'ol', next: 1 });
      }
    } else if (name === 'li') {
      if (closing) flush();
      else {
        const list = lists[lists.length - 1];
        const indent = '   '.repeat(Math.max(0, lists.length - 1));
        open(`${indent}${list?.ordered ? `${list.next++}.` : '-'} `);
      }
    } else if (name === 'br') {
      if (current !== undefined) current += ' ';
    } else if (name === 'tr' && closing) flush();
  }
  flush();
  // List items follow one another; everything else has a blank line around it.
  let text = '';
  blocks.forEach((block, i) => {
    if (i > 0) text += block.list !== undefined && block.list === blocks[i - 1]!.list ? '\n' : '\n\n';
    text += block.text;
  });
  return text === '' ? '' : `${text}\n`;
}
