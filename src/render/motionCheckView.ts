import type { CheckItem, CheckStatus, MotionCheck } from '../motion/checkMotion.js';
import { wrap } from './wrap.js';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';
import { plural } from '../util/plural.js';

const LABELS: Record<CheckItem['id'], string> = {
  length: 'Length',
  title: 'Title',
  subject: 'Subject',
  structure: 'Structure',
  contemporary: 'Contemporary',
  deadline: 'Deadline',
};

/** The check as the delegate reads it: one line per check, a status word first, then the details. */
export function renderMotionCheck(check: MotionCheck, source: string, theme: Theme, width: number): string {
  const status: Record<CheckStatus, (s: string) => string> = {
    pass: theme.ok,
    warn: theme.warn,
    fail: (s) => theme.error(theme.title(s)),
    ask: theme.id,
  };
  const labelWidth = Math.max(...Object.values(LABELS).map((l) => l.length));
  const indent = ' '.repeat(2 + 4 + 2 + labelWidth + 2);
  const lines: string[] = [theme.heading(`Motion check: ${neutralise(source)}`)];
  lines.push(check.title === null ? theme.dim('(no title)') : theme.title(neutralise(check.title)));
  const form = check.form === 'model motion' ? 'a model motion' : `a ${check.form} motion`;
  lines.push(theme.dim(wrap(`Read as ${form}: ${check.formFrom}.`, width, '')), '');

  for (const item of check.checks) {
    const head = `  ${status[item.status](item.status.padEnd(4))}  ${LABELS[item.id].padEnd(labelWidth)}  `;
    // Wrap on the plain prefix, then put the coloured one back: escape codes have no width.
    const plainHead = `  ${item.status.padEnd(4)}  ${LABELS[item.id].padEnd(labelWidth)}  `;
    lines.push(head + wrap(neutralise(item.message), width, plainHead, indent).slice(plainHead.length));
    for (const detail of item.details) lines.push(theme.dim(wrap(neutralise(detail), width, indent, indent)));
  }

  lines.push('', summary(check, theme));
  return `${lines.join('\n')}\n`;
}

function summary(check: MotionCheck, theme: Theme): string {
  const asks = check.checks.filter((c) => c.status === 'ask').length;
  const questions = asks === 0 ? '' : ` ${plural(asks, 'question')} only you can answer.`;
  if (check.failures > 0) {
    const failed = check.checks.filter((c) => c.status === 'fail').map((c) => LABELS[c.id].toLowerCase());
    return theme.error(`Fails ${plural(check.failures, 'check')}: ${failed.join(', ')}.`) + questions;
  }
  if (check.warnings > 0) {
    return theme.warn(`Passes, with ${plural(check.warnings, 'warning')} to look at.`) + questions;
  }
  return theme.ok('Passes.') + questions;
}
