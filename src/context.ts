import { resolvePaths, type Env, type Paths, type Platform } from './paths.js';
import { backgroundFromColorFgBg, hyperlinksIn, makeTheme, type Background, type Theme } from './render/theme.js';

export type ColorMode = 'auto' | 'always' | 'never';

export interface OutStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

/** The outside world a command runs in: streams, environment, paths, clock, display choices. */
export interface Context {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: Env;
  /** Whose conventions to follow: folders, the default editor and pager. */
  platform: Platform;
  paths: Paths;
  theme: Theme;
  /** Columns to wrap at. */
  width: number;
  /** Whether stdout is an interactive terminal (decoration, pager, prompts). */
  interactive: boolean;
  /** Whether long output may go through $PAGER. */
  pager: boolean;
  now: () => Date;
}

export type ThemeChoice = 'auto' | 'dark' | 'light';

export interface GlobalOptions {
  color?: ColorMode;
  theme?: ThemeChoice;
  width?: number;
  pager?: boolean;
}

/** Colour follows --color, then NO_COLOR and FORCE_COLOR, then whether stdout is a terminal. */
export function wantColor(mode: ColorMode, env: Env, stdout: OutStream): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return !!stdout.isTTY && env.TERM !== 'dumb';
}

/**
 * The background to choose colours for: --theme, then DELEGATE_THEME, then (auto) what the
 * terminal says in COLORFGBG or `answered` (its reply to an OSC 11 query), else colours that
 * read on both.
 */
export function chooseBackground(choice: ThemeChoice | undefined, env: Env, answered?: 'dark' | 'light'): Background {
  const named = choice && choice !== 'auto' ? choice : env.DELEGATE_THEME;
  if (named === 'dark' || named === 'light') return named;
  return backgroundFromColorFgBg(env.COLORFGBG) ?? answered ?? 'both';
}

/**
 * Whether to ask the terminal for its background (OSC 11): only for colour on a terminal, when
 * neither --theme, DELEGATE_THEME nor COLORFGBG has decided.
 */
export function shouldAskBackground(options: GlobalOptions, env: Env, stdout: OutStream, stdinIsTTY: () => boolean): boolean {
  if (!stdout.isTTY || env.TERM === 'dumb' || !wantColor(options.color ?? 'auto', env, stdout)) return false;
  if ((options.theme && options.theme !== 'auto') || env.DELEGATE_THEME === 'dark' || env.DELEGATE_THEME === 'light') return false;
  // Asked last: it loads node:tty, which output to a pipe or a file never needs.
  return backgroundFromColorFgBg(env.COLORFGBG) === undefined && stdinIsTTY();
}

export const MAX_READING_WIDTH = 100;

/** The context a command runs in. */
export function createContext(
  options: GlobalOptions,
  io: { stdout: OutStream; stderr: OutStream; stdin: InStream | (() => InStream); env: Env; now?: () => Date; platform?: Platform; background?: 'dark' | 'light' },
): Context {
  const interactive = !!io.stdout.isTTY;
  const width = options.width ?? (interactive && io.stdout.columns ? Math.min(io.stdout.columns, MAX_READING_WIDTH) : 80);
  // process.stdin opens a socket or file stream the moment it is touched; most commands never
  // read it, so it is opened on first use.
  const { stdin, platform = process.platform, background, ...rest } = io;
  const color = wantColor(options.color ?? 'auto', io.env, io.stdout);
  let opened: InStream | undefined;
  return {
    ...rest,
    get stdin(): InStream {
      return (opened ??= typeof stdin === 'function' ? stdin() : stdin);
    },
    platform,
    paths: resolvePaths(io.env, platform),
    theme: { ...makeTheme(color, chooseBackground(options.theme, io.env, background)), hyperlinks: color && interactive && hyperlinksIn(io.env) },
    width,
    interactive,
    pager: options.pager !== false && interactive,
    now: io.now ?? (() => new Date()),
  };
}
