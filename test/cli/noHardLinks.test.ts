import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from '../helpers/fixtures.js';
import { run } from '../helpers/run.js';

// A new note claims its name with a hard link, and `notes rm` claims a name in the trash the
// same way, so that neither can replace a file already there. Some file systems refuse hard
// links (FAT and exFAT on a USB stick, some network shares: EPERM). There, a note must still be
// saved, and trashed, without replacing anything. No such file system can be mounted here, so
// the system's link calls are made to refuse as those file systems do: a small shared library,
// preloaded into delegate's process, answers link() and linkat() with EPERM.

const REFUSE_LINKS = `
#include <errno.h>
int link(const char *from, const char *to) { (void)from; (void)to; errno = EPERM; return -1; }
int linkat(int fromDir, const char *from, int toDir, const char *to, int flags) {
  (void)fromDir; (void)from; (void)toDir; (void)to; (void)flags; errno = EPERM; return -1;
}
`;

const sandbox = tempHome();
const notes = join(sandbox.home, 'notes');
const library = join(sandbox.home, 'refuse-links.so');
afterAll(() => sandbox.cleanup());

beforeAll(() => {
  writeFileSync(join(sandbox.home, 'refuse-links.c'), REFUSE_LINKS);
  const cc = spawnSync('cc', ['-shared', '-fPIC', '-o', library, join(sandbox.home, 'refuse-links.c')], { encoding: 'utf8' });
  if (cc.error || cc.status !== 0) throw new Error(`this test needs a C compiler (cc): ${cc.error?.message ?? cc.stderr}`);
  mkdirSync(notes);
});

const withoutLinks = (args: string[], input?: string) =>
  run(args, { env: { ...sandbox.env, DELEGATE_NOTES_DIR: notes, LD_PRELOAD: library }, ...(input !== undefined ? { input } : {}) });

test('the library really refuses links in a process it is loaded into', () => {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').linkSync(process.argv[1], process.argv[1] + '.link')`, library], {
    env: { ...process.env, LD_PRELOAD: library },
    encoding: 'utf8',
  });
  expect(probe.status).toBe(1);
  expect(probe.stderr).toContain('EPERM: operation not permitted, link');
});

test('notes add: saved whole under its own name, then under the next free name; nothing is replaced and no temp file is left', () => {
  const first = withoutLinks(['notes', 'add', 'Hotel'], 'The room is booked for Friday.\n');
  expect(first).toMatchObject({ code: 0, stderr: '' });
  expect(first.stdout).toContain(`Saved "Hotel" as hotel: ${join(notes, 'hotel.md')}`);
  const second = withoutLinks(['notes', 'add', 'Hotel'], 'A second hotel, for Sunday.\n');
  expect(second).toMatchObject({ code: 0, stderr: '' });
  expect(second.stdout).toContain(`Saved "Hotel" as hotel-2: ${join(notes, 'hotel-2.md')}`);
  expect(readdirSync(notes).sort()).toEqual(['hotel-2.md', 'hotel.md']);
  expect(readFileSync(join(notes, 'hotel.md'), 'utf8')).toMatch(/\n---\n\nThe room is booked for Friday\.\n$/);
  expect(readFileSync(join(notes, 'hotel-2.md'), 'utf8')).toMatch(/\n---\n\nA second hotel, for Sunday\.\n$/);
});

test('notes rm: moved to the trash by renaming, and a second note of the same name does not replace the first there', () => {
  writeFileSync(join(notes, 'agenda.md'), '---\ntitle: Agenda\n---\nMonday first.\n');
  const first = withoutLinks(['notes', 'rm', 'agenda']);
  expect(first).toMatchObject({ code: 0, stderr: '' });
  expect(first.stdout).toContain(`to the trash: ${join(notes, '.trash', 'agenda.md')}`);
  writeFileSync(join(notes, 'agenda.md'), '---\ntitle: Agenda\n---\nTuesday instead.\n');
  const second = withoutLinks(['notes', 'rm', 'agenda']);
  expect(second).toMatchObject({ code: 0, stderr: '' });
  expect(second.stdout).toContain(`to the trash: ${join(notes, '.trash', 'agenda-2.md')}`);
  expect(existsSync(join(notes, 'agenda.md'))).toBe(false);
  expect(readFileSync(join(notes, '.trash', 'agenda.md'), 'utf8')).toContain('Monday first.');
  expect(readFileSync(join(notes, '.trash', 'agenda-2.md'), 'utf8')).toContain('Tuesday instead.');
});
