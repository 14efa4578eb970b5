import type { InStream, OutStream } from '../context.js';

type TtyIn = InStream & { setRawMode?: (raw: boolean) => unknown; isRaw?: boolean };

/** "rgb:RRRR/GGGG/BBBB" (1 to 4 hex digits each) → dark or light, by relative luminance. */
export function backgroundFromOsc11(reply: string): 'dark' | 'light' | undefined {
  const m = /rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})/i.exec(reply);
  if (!m) return undefined;
  const [r, g, b] = m.slice(1, 4).map((hex) => Number.parseInt(hex, 16) / (16 ** hex.length - 1));
  const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!) > 0.2 ? 'light' : 'dark';
}

/**
 * Ask the terminal its background colour (OSC 11), followed by a request every terminal
 * answers (primary device attributes): when that answer comes first, the terminal does not
 * know OSC 11 and nothing more is waited for. `timeout` (ms) bounds the wait for a terminal
 * that answers neither. NOTE: only on a terminal, in raw mode, restored before returning.
 */
export async function askBackground(stdin: TtyIn, stdout: OutStream, timeout = 150): Promise<'dark' | 'light' | undefined> {
  if (!stdin.isTTY || !stdout.isTTY || typeof stdin.setRawMode !== 'function') return undefined;
  const wasRaw = !!stdin.isRaw;
  stdin.setRawMode(true);
  let reply = '';
  try {
    return await new Promise((resolve) => {
      const finish = (answer: 'dark' | 'light' | undefined) => {
        clearTimeout(timer);
        stdin.removeListener('data', onData);
        resolve(answer);
      };
      const onData = (chunk: Buffer | string) => {
        reply += chunk.toString();
        const osc = /\u001b\]11;([^\u0007\u001b]*)(?:\u0007|\u001b\\)/.exec(reply);
        if (osc) return finish(backgroundFromOsc11(osc[1]!));
        if (/\u001b\[\?[0-9;]*c/.test(reply)) finish(undefined); // device attributes first: no OSC 11
      };
      const timer = setTimeout(() => finish(undefined), timeout);
      stdin.on('data', onData);
      stdin.resume();
      stdout.write('\u001b]11;?\u001b\\\u001b[c');
    });
  } finally {
    stdin.setRawMode(wasRaw);
    stdin.pause();
  }
}
