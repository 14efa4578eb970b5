import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { bundledContentDir, resolvePaths, type Env, type Platform } from '../../src/paths.js';
import { codeFileFor, commandsOf } from '../../src/startup/codeCache.js';
import { editorCommand } from '../../src/ui/editor.js';
import { pagerCommand } from '../../src/ui/output.js';

// Each platform's conventions, with the platform and environment passed in: this runs the
// Windows and macOS rules on any machine.

describe('folders', () => {
  test.each<[Platform, Env, { data: string; cache: string; config: string; notes: string }]>([
    [
      'linux',
      { HOME: '/home/ann' },
      { data: '/home/ann/.local/share/delegate', cache: '/home/ann/.cache/delegate', config: '/home/ann/.config/delegate', notes: '/home/ann/.local/share/delegate/notes' },
    ],
    [
      'linux',
      { HOME: '/home/ann', XDG_DATA_HOME: '/data', XDG_CACHE_HOME: '/var/cache/ann', XDG_CONFIG_HOME: 'relative/is/ignored' },
      { data: '/data/delegate', cache: '/var/cache/ann/delegate', config: '/home/ann/.config/delegate', notes: '/data/delegate/notes' },
    ],
    [
      'darwin',
      { HOME: '/Users/ann', XDG_DATA_HOME: '/not/on/macos' },
      {
        data: '/Users/ann/Library/Application Support/delegate',
        cache: '/Users/ann/Library/Caches/delegate',
        config: '/Users/ann/Library/Preferences/delegate',
        notes: '/Users/ann/Library/Application Support/delegate/notes',
      },
    ],
    [
      'win32',
      { USERPROFILE: 'C:\\Users\\Ann', APPDATA: 'C:\\Users\\Ann\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\Ann\\AppData\\Local' },
      {
        data: 'C:\\Users\\Ann\\AppData\\Local\\delegate\\Data',
        cache: 'C:\\Users\\Ann\\AppData\\Local\\delegate\\Cache',
        config: 'C:\\Users\\Ann\\AppData\\Roaming\\delegate\\Config',
        notes: 'C:\\Users\\Ann\\AppData\\Local\\delegate\\Data\\notes',
      },
    ],
    [
      'win32',
      { USERPROFILE: 'D:\\Home\\Ann' },
      {
        data: 'D:\\Home\\Ann\\AppData\\Local\\delegate\\Data',
        cache: 'D:\\Home\\Ann\\AppData\\Local\\delegate\\Cache',
        config: 'D:\\Home\\Ann\\AppData\\Roaming\\delegate\\Config',
        notes: 'D:\\Home\\Ann\\AppData\\Local\\delegate\\Data\\notes',
      },
    ],
  ])('%s with %j', (platform, env, expected) => {
    const paths = resolvePaths(env, platform);
    expect({ data: paths.data, cache: paths.cache, config: paths.config, notes: paths.notes }).toEqual(expected);
    expect(paths.bundled).toBe(bundledContentDir());
  });

  test('DELEGATE_NOTES_DIR wins over the platform folder, on each platform', () => {
    expect(resolvePaths({ HOME: '/home/ann', DELEGATE_NOTES_DIR: '/srv/notes' }, 'linux').notes).toBe('/srv/notes');
    expect(resolvePaths({ HOME: '/Users/ann', DELEGATE_NOTES_DIR: '/Volumes/usb/notes' }, 'darwin').notes).toBe('/Volumes/usb/notes');
    expect(resolvePaths({ USERPROFILE: 'C:\\Users\\Ann', DELEGATE_NOTES_DIR: 'E:\\notes' }, 'win32').notes).toBe('E:\\notes');
  });

  test('with no HOME (or USERPROFILE) in the environment, the home folder the system gives', () => {
    expect(resolvePaths({}, 'linux').cache).toBe(posix.join(homedir(), '.cache', 'delegate'));
    expect(resolvePaths({}, 'darwin').data).toBe(posix.join(homedir(), 'Library', 'Application Support', 'delegate'));
    expect(resolvePaths({}, 'win32').cache).toBe(win32.join(homedir(), 'AppData', 'Local', 'delegate', 'Cache'));
  });
});

describe('DELEGATE_PATH', () => {
  test('split at : on Linux and macOS', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      expect(resolvePaths({ HOME: '/h', DELEGATE_PATH: '/srv/union:/srv/clp::' }, platform).extra).toEqual(['/srv/union', '/srv/clp']);
    }
  });

  test('split at ; on Windows, where : is part of a drive letter', () => {
    expect(resolvePaths({ USERPROFILE: 'C:\\Users\\Ann', DELEGATE_PATH: 'C:\\union;D:\\clp\\pages;;' }, 'win32').extra).toEqual(['C:\\union', 'D:\\clp\\pages']);
  });
});

describe('editor and pager', () => {
  test('VISUAL, then EDITOR, then Notepad on Windows and vi elsewhere', () => {
    expect(editorCommand({}, 'win32')).toBe('notepad');
    expect(editorCommand({}, 'linux')).toBe('vi');
    expect(editorCommand({}, 'darwin')).toBe('vi');
    expect(editorCommand({ EDITOR: 'nano' }, 'win32')).toBe('nano');
    expect(editorCommand({ EDITOR: 'nano', VISUAL: 'code --wait' }, 'linux')).toBe('code --wait');
    expect(editorCommand({ EDITOR: '  ' }, 'darwin')).toBe('vi');
  });

  test('PAGER, then more on Windows and less -R elsewhere', () => {
    expect(pagerCommand({}, 'win32')).toBe('more');
    expect(pagerCommand({}, 'linux')).toBe('less -R');
    expect(pagerCommand({}, 'darwin')).toBe('less -R');
    expect(pagerCommand({ PAGER: 'most' }, 'win32')).toBe('most');
  });
});

describe('the V8 code kept per command (src/startup/codeCache.ts)', () => {
  const node = { version: 'v24.1.0', arch: 'x64' };

  test.each<[Platform, Env, string]>([
    ['linux', { HOME: '/home/ann' }, '/home/ann/.cache/delegate/code/v24.1.0-x64/motion-compare.bin'],
    ['linux', { HOME: '/home/ann', XDG_CACHE_HOME: '/var/cache/ann' }, '/var/cache/ann/delegate/code/v24.1.0-x64/motion-compare.bin'],
    ['darwin', { HOME: '/Users/ann' }, '/Users/ann/Library/Caches/delegate/code/v24.1.0-x64/motion-compare.bin'],
    ['win32', { USERPROFILE: 'C:\\Users\\Ann', LOCALAPPDATA: 'C:\\Users\\Ann\\AppData\\Local' }, 'C:\\Users\\Ann\\AppData\\Local\\delegate\\Cache\\code\\v24.1.0-x64\\motion-compare.bin'],
  ])('%s: in the cache folder, a folder per Node and processor', (platform, env, file) => {
    expect(codeFileFor({ ...node, platform, env }, 'motion compare')).toBe(file);
  });

  test('the home menu has a name of its own', () => {
    expect(codeFileFor({ ...node, platform: 'linux', env: { HOME: '/home/ann' } }, '')).toBe('/home/ann/.cache/delegate/code/v24.1.0-x64/home.bin');
  });

  test.each([
    [[], ['']],
    [['read', 'card-votes'], ['read card-votes', 'read']],
    [['motion', 'compare', 'a.md'], ['motion compare', 'motion']],
    [['search', 'Reference', 'back'], ['search']],
    [['--version'], ['options']],
    [['--theme', 'dark', 'list'], ['options']],
    [['../../../etc/passwd'], []],
    [['..'], []],
    [['Search'], []],
    [['a'.repeat(41)], []],
    [['notes', '..\\x'], ['notes']],
  ])('argv %j may be running %j', (words, commands) => {
    expect(commandsOf(['/usr/bin/node', '/opt/delegate/bin/delegate.cjs', ...words])).toEqual(commands);
  });
});
