/**
 * Ctrl-C while another program holds the terminal (the pager). The terminal sends SIGINT to
 * every process in the foreground group, the pager included; if delegate ended at once, the
 * pager would be left without a parent, sharing the delegate's keystrokes with the shell.
 * So, as git does with its pager, delegate waits for the program to finish and then ends
 * with 130.
 */

let holding = 0;
let pending = false;

/** Ctrl-C pressed while a program held the terminal: the command ends, quietly, with 130. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/**
 * For the SIGINT handler in cli.ts: true when a program holds the terminal, so the interrupt
 * is kept until it ends rather than ending delegate now.
 */
export function deferInterrupt(): boolean {
  if (holding === 0) return false;
  pending = true;
  return true;
}

/** Run `work` (which waits for a program that has the terminal); Ctrl-C meanwhile ends delegate after it. */
export async function holdingTerminal<T>(work: () => Promise<T>): Promise<T> {
  holding++;
  try {
    return await work();
  } finally {
    holding--;
    if (holding === 0 && pending) {
      pending = false;
      // eslint-disable-next-line no-unsafe-finally
      throw new Interrupted();
    }
  }
}
