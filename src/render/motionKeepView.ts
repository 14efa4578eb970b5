import type { KeepReport, PhraseStatus } from '../motion/keptInDraft.js';
import { percent } from '../motion/similarity.js';
import { wrap } from './wrap.js';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';

const BAR = 20;
/** Cut words listed in the terminal; --json has them all. */
const CUT_WORDS_SHOWN = 30;

/** What survived, as the delegate reads it before going back into the meeting. */
export function renderMotionKeep(report: KeepReport, files: { mine: string; draft: string }, theme: Theme, width: number): string {
  const out: string[] = [theme.heading('How much of your motion survived')];
  out.push(theme.dim(`  yours: ${neutralise(files.mine)}\n  draft: ${neutralise(files.draft)}`), '');

  const { words } = report;
  const filled = Math.floor(words.share * BAR); // full only when everything was kept
  out.push(
    wrap(`${words.kept} of your ${words.mine} substantive words are in the draft (${percent(words.share)}%). Stop words such as "the" do not count.`, width, '  '),
    `  ${theme.ok(theme.symbols.bar.repeat(filled))}${theme.dim(theme.symbols.barEmpty.repeat(BAR - filled))} ${percent(words.share)}%`,
  );
  if (words.cut.length > 0) {
    const shown = words.cut.slice(0, CUT_WORDS_SHOWN).join(', ') + (words.cut.length > CUT_WORDS_SHOWN ? `, …and ${words.cut.length - CUT_WORDS_SHOWN} more` : '');
    out.push(theme.dim(wrap(`Not in the draft: ${neutralise(shown)}`, width, '  ', '  ')));
  }

  const heading = { phrases: 'Your key phrases', resolves: 'Your resolves', asks: 'Your demands (no resolves: the sentences that ask)', sentences: 'Your sentences (no resolves found)' }[report.phrasesFrom];
  out.push('', theme.heading(heading));
  const style: Record<PhraseStatus, (s: string) => string> = { kept: theme.ok, changed: theme.warn, cut: (s) => theme.error(theme.title(s)) };
  for (const phrase of report.phrases) {
    const plain = `  ${phrase.status.padEnd(8)} `;
    const line = wrap(neutralise(phrase.text), width, plain, ' '.repeat(plain.length));
    out.push(`  ${style[phrase.status](phrase.status.padEnd(8))} ${line.slice(plain.length)}`);
    if (phrase.draft) out.push(theme.dim(wrap(`the draft now says: "${neutralise(phrase.draft)}"`, width, ' '.repeat(plain.length), ' '.repeat(plain.length))));
  }
  const counts = (['kept', 'changed', 'cut'] as const).map((s) => `${report.phrases.filter((p) => p.status === s).length} ${s}`);
  out.push(theme.dim(`  ${counts.join(', ')}`));

  out.push('', theme.heading('To propose back as an amendment'));
  if (report.amendment === null) out.push('  Nothing was cut.');
  else {
    for (const line of neutralise(report.amendment).split('\n')) out.push(wrap(line, width, '  ', '     '));
  }
  return `${out.join('\n')}\n`;
}
