// Any character neutralise() replaces (a \r ahead of \n among them).
// eslint-disable-next-line no-control-regex
const NEEDS_NEUTRALISING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Neutralise terminal control sequences in text from files: ESC and the other C0/C1 controls
 * become visible symbols, so a note cannot move the cursor, retitle the window or hide text.
 * Tabs and newlines are kept; a lone carriage return is shown.
 */
export function neutralise(text: string): string {
  if (!NEEDS_NEUTRALISING.test(text)) return text; // most text: no new string made
  return text
    .replace(/\r\n/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))))
    .replace(/[\u0080-\u009f]/g, '\ufffd');
}

/**
 * Text for one line of a listing (one page a line, tab-separated when piped): neutralised, and a
 * newline or tab in it shown as ␤ or ␉, so a file name holding one never splits the line.
 */
export function neutraliseLine(text: string): string {
  return neutralise(text).replace(/\n/g, '\u2424').replace(/\t/g, '\u2409');
}

/** Strip ANSI styling that our own renderers added (for width measurement and plain output). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '');
}
