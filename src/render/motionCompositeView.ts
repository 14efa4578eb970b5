import type { CompositeDraft } from '../motion/draftComposite.js';

const mark = (motions: string[]) => `[${motions.join(', ')}]`;
/** Markdown's own characters in a motion's words, shown as they are. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** A draft composite as Markdown, to open, edit and take into the compositing meeting. */
export function renderCompositeDraft(draft: CompositeDraft): string {
  const out: string[] = [`# Draft composite: ${escape(draft.title)}`, ''];
  out.push(
    `*A first draft made by \`delegate motion composite\` from ${draft.motions.length} motions. It is a starting point for the compositing meeting, not an agreed text: the wording is the meeting's to settle, and each mover will want their own words in.*`,
    '',
  );
  out.push('## Common ground', '');
  if (draft.commonGround.length === 0) out.push('No passage of five words or more is in most of the motions.', '');
  else {
    out.push('Passages most of the motions share, each once:', '');
    for (const passage of draft.commonGround) out.push(`- "${escape(passage.text)}" ${mark(passage.motions)}`);
    out.push('');
  }
  out.push('## Demands', '');
  if (draft.demands.length === 0) out.push('No demand is made by more than one motion.', '');
  else {
    out.push('Each demand once, with the motions that make it:', '');
    draft.demands.forEach((demand, i) => out.push(`${i + 1}. ${escape(demand.text)} ${mark(demand.motions)}`));
    out.push('');
  }
  out.push('## Demands only one motion makes', '');
  if (draft.toArgueFor.length === 0) out.push('None: every demand is made by more than one motion.', '');
  else {
    out.push('The ones to argue for in the meeting (or to trade):', '');
    for (const demand of draft.toArgueFor) out.push(`- ${escape(demand.text)} ${mark(demand.motions)}`);
    out.push('');
  }
  const { words, limit } = draft;
  const over = words - limit.words;
  out.push(
    '## Length',
    '',
    `${words} words in the common ground and demands above; the limit is ${limit.words} (${limit.from})${over > 0 ? `: ${over} over` : ''}. ` +
      `With the demands only one motion makes: ${draft.wordsWithAll} words. Check the current CAC report for the limit on a composite.`,
    '',
  );
  out.push('## The motions', '');
  for (const m of draft.motions) out.push(`- ${m.label}: ${escape(m.name)}${m.title && !m.name.includes(m.title) ? `: ${escape(m.title)}` : ''} (${m.words} words)`);
  return `${out.join('\n')}\n`;
}
