// The `delegate …` commands a page, checklist or cheat sheet tells its reader to run.

/** One command as written in a content file, split into arguments as a shell would. */
export interface WrittenCommand {
  file: string;
  line: number;
  /** The arguments after `delegate`. */
  args: string[];
  /** The command as the reader sees it. */
  text: string;
}

/** Split a command line into words, honouring '…' and "…" quoting. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]!);
  return words;
}

/** The command up to any redirection, pipe, chaining or comment: `delegate x > file` runs `delegate x`. */
function beforeShellOperators(command: string): string {
  return command.replace(/\s+(?:>|>>|\||&&|;|#).*$/, '').trim();
}

function toCommand(file: string, line: number, written: string): WrittenCommand | undefined {
  const text = beforeShellOperators(written.replace(/^\$\s+/, ''));
  const words = shellWords(text);
  if (words[0] !== 'delegate') return undefined;
  return { file, line, args: words.slice(1), text };
}

/**
 * Every command in a content file's text: `delegate …` in a code span, a `delegate …` line in a
 * fenced code block, and each id of a checklist item's `See:` line, which the checklist shows
 * as `delegate read <id>`.
 */
export function writtenCommands(file: string, text: string): WrittenCommand[] {
  const found: WrittenCommand[] = [];
  let fenced = false;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      return;
    }
    if (fenced) {
      const command = toCommand(file, line, raw.trim());
      if (command) found.push(command);
      return;
    }
    for (const span of raw.matchAll(/`([^`]+)`/g)) {
      const command = toCommand(file, line, span[1]!.trim());
      if (command) found.push(command);
    }
    const see = /^\s+See:\s*(.*)$/i.exec(raw);
    if (see && file.includes('checklists/')) {
      for (const id of see[1]!.split(',').map((s) => s.trim()).filter(Boolean)) {
        found.push({ file, line, args: ['read', id], text: `delegate read ${id}` });
      }
    }
  });
  return found;
}

/** Commands whose second word names one page or checklist by id, and the kind of thing it opens. */
export function namedTarget(args: readonly string[]): { kind: 'page' | 'checklist'; id: string; rest: string[] } | undefined {
  const [command, id, ...rest] = args;
  if (!id || id.startsWith('-')) return undefined;
  if (command === 'read') return { kind: 'page', id, rest };
  if (command === 'checklist' && !['list', 'status', 'edit'].includes(id)) return { kind: 'checklist', id, rest };
  if (command === 'checklist' && id === 'edit' && rest[0]) return { kind: 'checklist', id: rest[0], rest: rest.slice(1) };
  return undefined;
}
