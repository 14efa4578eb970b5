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
  /** Words an amendment puts in, and words it takes out. */
  inserted: Style;
  deleted: Style;
  /** Commands and code in running text. */
  code: Style;
  /** The background the colours were chosen for (unset without colour). */
  background?: Background;
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

/**
 * Which background the colours must read on: dark, light, or (unknown) both. NOTE: every text
 * colour of `light` has a contrast of at least 4.5:1 on white, and of `dark` on black, with the
 * xterm palette (test/unit/themeContrast.test.ts); `both` keeps about 4:1 on either.
 */
export type Background = 'dark' | 'light' | 'both';

const fg = (code: string): Style => sgr(code, '39');
const palettes: Record<Background, Record<'heading' | 'id' | 'kind' | 'match' | 'ok' | 'warn' | 'error' | 'dim', Style>> = {
  // The 16 basic colours, as most dark terminals are set up; red is the bright one (plain red
  // is 3.6:1 on black) and faint text is a grey that keeps 6:1.
  dark: { heading: fg('36'), id: fg('36'), kind: fg('33'), match: fg('33'), ok: fg('32'), warn: fg('33'), error: fg('91'), dim: fg('38;5;245') },
  // Yellow and cyan fall to 1.7 to 3:1 on white: dark blue, brown, green and red instead.
  light: { heading: fg('38;5;24'), id: fg('38;5;25'), kind: fg('38;5;94'), match: fg('38;5;94'), ok: fg('38;5;22'), warn: fg('38;5;94'), error: fg('38;5;124'), dim: fg('38;5;242') },
  // Colours of middle lightness, for a background we could not learn.
  both: { heading: fg('38;5;30'), id: fg('38;5;30'), kind: fg('38;5;130'), match: fg('38;5;130'), ok: fg('38;5;28'), warn: fg('38;5;130'), error: fg('38;5;160'), dim: fg('38;5;243') },
};

/** A theme for colour on or off; off means plain text with no escape codes at all. */
export function makeTheme(color: boolean, background: Background = 'both'): Theme {
  if (!color) {
    return { color, title: plain, heading: plain, dim: plain, id: plain, kind: plain, match: plain, ok: plain, warn: plain, error: plain, inserted: plain, deleted: plain, code: plain, symbols: ascii };
  }
  const p = palettes[background];
  return {
    color,
    background,
    title: bold,
    heading: both(bold, p.heading),
    dim: p.dim,
    id: p.id,
    kind: p.kind,
    match: both(bold, p.match),
    ok: p.ok,
    warn: p.warn,
    error: p.error,
    code: p.kind,
    inserted: both(sgr('4', '24'), p.ok),
    deleted: both(sgr('9', '29'), p.error),
    symbols: unicode,
  };
}

/**
 * The background named by COLORFGBG ("15;0": light text on black), or undefined when it says
 * nothing. Colours 0-6 and 8 are dark, 7 and 9-15 light.
 */
export function backgroundFromColorFgBg(value: string | undefined): 'dark' | 'light' | undefined {
  const bg = value?.split(';').pop();
  if (bg === undefined || !/^\d+$/.test(bg)) return undefined;
  const n = Number(bg);
  return n === 7 || (n >= 9 && n <= 15) ? 'light' : n <= 8 ? 'dark' : undefined;
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
