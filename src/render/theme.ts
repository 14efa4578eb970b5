/** A style wraps text in terminal styling, or returns it as it is when colour is off. */
export type Style = (text: string) => string;

/** Every colour and symbol the program shows comes from here. */
export interface Theme {
  color: boolean;
  /** Whether the terminal makes OSC 8 hyperlinks clickable (links are then marked up). */
  hyperlinks?: boolean;
  title: Style;
  heading: Style;
  dim: Style;
  id: Style;
  kind: Style;
  match: Style;
  ok: Style;
  warn: Style;
  error: Style;
  symbols: { done: string; todo: string; pass: string; warn: string; fail: string; bullet: string; bar: string; barEmpty: string };
}

const unicode = { done: '✔', todo: '○', pass: '✔', warn: '!', fail: '✖', bullet: '•', bar: '█', barEmpty: '░' };
const ascii = { done: '[x]', todo: '[ ]', pass: 'ok', warn: '!', fail: 'x', bullet: '-', bar: '#', barEmpty: '.' };

// Plain SGR codes rather than chalk: the theme is loaded by every command, and these few
// styles do not need chalk's start-up cost. (The Markdown renderer still uses chalk.)
const sgr =
  (open: string, close: string): Style =>
  (text) =>
    text === '' ? '' : `\u001b[${open}m${text.replaceAll(`\u001b[${close}m`, `\u001b[${close}m\u001b[${open}m`)}\u001b[${close}m`;
const both =
  (a: Style, b: Style): Style =>
  (text) =>
    a(b(text));
const bold = sgr('1', '22');
const plain: Style = (text) => text;

/** A theme for colour on or off; off means plain text with no escape codes at all. */
export function makeTheme(color: boolean): Theme {
  if (!color) {
    return { color, title: plain, heading: plain, dim: plain, id: plain, kind: plain, match: plain, ok: plain, warn: plain, error: plain, symbols: ascii };
  }
  return {
    color,
    title: bold,
    heading: both(bold, sgr('36', '39')),
    dim: sgr('2', '22'),
    id: sgr('36', '39'),
    kind: sgr('33', '39'),
    match: both(bold, sgr('33', '39')),
    ok: sgr('32', '39'),
    warn: sgr('33', '39'),
    error: sgr('31', '39'),
    symbols: unicode,
  };
}

/**
 * Whether the terminal described by `env` makes OSC 8 hyperlinks clickable. Terminals that do
 * not understand them mostly ignore them, but not all do, so only those known to: FORCE_HYPERLINK
 * decides first (1 or 0).
 */
export function hyperlinksIn(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return env.FORCE_HYPERLINK !== '0';
  if (env.TMUX || env.STY) return false; // tmux and screen pass them on only when set up to
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.WEZTERM_PANE) return true;
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env.TERM_PROGRAM ?? '')) return true;
  if (Number(env.VTE_VERSION ?? 0) >= 5000) return true;
  return ['xterm-kitty', 'foot', 'xterm-ghostty'].includes(env.TERM ?? '');
}
