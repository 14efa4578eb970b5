import { constants, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChecklistFormatError, parseChecklist } from '../../checklist/parseChecklist.js';
import { FrontMatterError } from '../../content/frontMatter.js';
import { formatWarning } from '../../content/loadPages.js';
import type { Context } from '../../context.js';
import { UserError } from '../../errors.js';
import { neutralise } from '../../render/sanitize.js';
import { openInEditor } from '../../ui/editor.js';
import { canPrompt } from '../../ui/prompts.js';
import { ensureDir } from '../../util/ensureDir.js';
import { loadAll, pick } from './shared.js';
import { warn } from '../../ui/warn.js';

/**
 * `delegate checklist edit <id>`: copy the checklist into the delegate's own checklists folder
 * (never over a file already there) and open it in their editor. The copy replaces the bundled
 * checklist from then on; ticks stay with every item whose {#id} is kept.
 */
export async function checklistEdit(options: { id: string }, ctx: Context): Promise<void> {
  const checklists = await loadAll(ctx);
  const checklist = pick(checklists, options.id);
  const personal = join(ctx.paths.notes, 'checklists', `${checklist.id}.md`);
  let file = personal;
  if (checklist.origin === 'personal') {
    file = checklist.file;
  } else if (existsSync(personal)) {
    // Either the copy could not be parsed (the warning above says where) and is opened to be
    // fixed, or a DELEGATE_PATH checklist replaces it and edits will not show.
    if (checklist.origin === 'extra') warn(ctx, `${checklist.file} (from DELEGATE_PATH) is used in place of ${personal}`, 'note:');
  } else {
    try {
      ensureDir(join(ctx.paths.notes, 'checklists'));
      copyFileSync(checklist.file, personal, constants.COPYFILE_EXCL);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UserError(`cannot copy the checklist to ${personal} (${code})`, { hint: 'Check that your notes folder (delegate paths) is writable.' });
    }
    ctx.stdout.write(`Copied "${neutralise(checklist.title)}" to ${personal}\n`);
  }

  if (!canPrompt(ctx)) {
    ctx.stdout.write(`Edit ${file} in your editor, then run: delegate checklist ${checklist.id}\n`);
    return;
  }
  await openInEditor(file, ctx);
  try {
    const { checklist: edited, warnings } = await parseChecklist(readFileSync(file, 'utf8'), file, 'personal');
    for (const warning of warnings) warn(ctx, formatWarning(warning));
    const kept = edited.items.filter((item) => checklist.items.some((old) => old.id === item.id)).length;
    ctx.stdout.write(`Saved ${file}: ${edited.items.length} items, ${kept} with the same ids as before (their ticks are kept).\n`);
    if (edited.id !== checklist.id) ctx.stdout.write(`Its id is now "${edited.id}": open it with delegate checklist ${edited.id}\n`);
  } catch (error) {
    if (!(error instanceof ChecklistFormatError || error instanceof FrontMatterError)) throw error;
    throw new UserError(`${file}:${error.line}: ${error.message}`, {
      hint: `Until it is fixed your copy is skipped, with a warning, and a bundled checklist with the same id is used. Edit again with: delegate checklist edit ${checklist.id}`,
    });
  }
}
