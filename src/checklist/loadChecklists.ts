import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FrontMatterError } from '../content/frontMatter.js';
import { contentPaths } from '../content/contentPaths.js';
import type { ContentWarning } from '../content/page.js';
import type { Paths } from '../paths.js';
import type { Checklist } from './checklist.js';
import { ChecklistFormatError, parseChecklist } from './parseChecklist.js';

/**
 * Ids a checklist cannot have: `delegate checklist list`, `status` and `edit` are commands, so a
 * checklist called any of them could never be opened by name.
 */
export const RESERVED_CHECKLIST_IDS: ReadonlySet<string> = new Set(['list', 'status', 'edit']);

/** Checklist files larger than this are not checklists; they are skipped with a warning. */
export const MAX_CHECKLIST_BYTES = 1024 * 1024;

export interface LoadedChecklists {
  checklists: Checklist[];
  warnings: ContentWarning[];
}

/** The `.md` files directly inside `dir`, sorted; none when it does not exist. */
function checklistFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.') && e.name.endsWith('.md') && (e.isFile() || e.isSymbolicLink()))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return []; // no personal checklists yet: the normal case
  }
}

/** Checklists in the order a delegate meets them: by `order`, then by title. */
export function compareChecklists(a: Checklist, b: Checklist): number {
  const ta = a.title.toLowerCase();
  const tb = b.title.toLowerCase();
  return (a.order ?? 999) - (b.order ?? 999) || (ta < tb ? -1 : ta > tb ? 1 : 0);
}

/**
 * Every checklist: the bundled ones, then the delegate's own (notes/checklists), then each
 * DELEGATE_PATH entry's checklists/ folder; a later checklist with the same id replaces an
 * earlier one. A file that cannot be read or parsed becomes a warning, never a failure.
 */
export async function loadChecklists(paths: Paths): Promise<LoadedChecklists> {
  const byId = new Map<string, Checklist>();
  const warnings: ContentWarning[] = [];
  for (const { dir, origin } of contentPaths(paths)) {
    for (const file of checklistFiles(join(dir, 'checklists'))) {
      try {
        const stat = statSync(file);
        if (!stat.isFile()) {
          warnings.push({ file, message: 'skipped: not a regular file' });
          continue;
        }
        const size = stat.size;
        if (size > MAX_CHECKLIST_BYTES) {
          warnings.push({ file, message: `skipped: ${Math.round(size / 1024)} KiB is too large for a checklist` });
          continue;
        }
        const parsed = await parseChecklist(readFileSync(file, 'utf8'), file, origin);
        warnings.push(...parsed.warnings);
        if (RESERVED_CHECKLIST_IDS.has(parsed.checklist.id)) {
          warnings.push({
            file,
            message: `its id "${parsed.checklist.id}" is taken by \`delegate checklist ${parsed.checklist.id}\`; give it another id (an "id:" line in its front matter, or a new file name). It is skipped until then`,
          });
          continue;
        }
        byId.set(parsed.checklist.id, parsed.checklist);
      } catch (error) {
        if (error instanceof ChecklistFormatError || error instanceof FrontMatterError) {
          warnings.push({ file, line: error.line, message: `${error.message} (this checklist is skipped until the file is fixed)` });
        } else if (error instanceof Error && 'code' in error) {
          warnings.push({ file, message: `cannot be read (${String((error as NodeJS.ErrnoException).code)}); this checklist is skipped` });
        } else {
          throw error;
        }
      }
    }
  }
  return { checklists: [...byId.values()].sort(compareChecklists), warnings };
}
