import chalk, { Chalk, type ChalkInstance } from 'chalk';

/** Every colour and symbol the program shows comes from here. */
export interface Theme {
  color: boolean;
  title: ChalkInstance;
  heading: ChalkInstance;
  dim: ChalkInstance;
  id: ChalkInstance;
  kind: ChalkInstance;
  match: ChalkInstance;
  ok: ChalkInstance;
  warn: ChalkInstance;
  error: ChalkInstance;
  symbols: { done: string; todo: string; pass: string; warn: string; fail: string; bullet: string; bar: string; barEmpty: string };
}

const unicode = { done: '✔', todo: '○', pass: '✔', warn: '!', fail: '✖', bullet: '•', bar: '█', barEmpty: '░' };
const ascii = { done: '[x]', todo: '[ ]', pass: 'ok', warn: '!', fail: 'x', bullet: '-', bar: '#', barEmpty: '.' };

/** A theme for colour on or off; off means plain text with no escape codes at all. */
export function makeTheme(color: boolean): Theme {
  const level = color ? (chalk.level > 0 ? chalk.level : 1) : 0;
  // NOTE: marked-terminal styles with the shared default chalk instance; keep it in step.
  chalk.level = level;
  const c = new Chalk({ level });
  return {
    color,
    title: c.bold,
    heading: c.bold.cyan,
    dim: c.dim,
    id: c.cyan,
    kind: c.yellow,
    match: c.bold.yellow,
    ok: c.green,
    warn: c.yellow,
    error: c.red,
    symbols: color ? unicode : ascii,
  };
}
