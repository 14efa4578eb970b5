// Build step (run by scripts/build.mjs, not shipped as a command): parse the bundled content
// once and write the manifest beside the bundle.
import { writeFileSync } from 'node:fs';
import { bundledContentDir } from '../paths.js';
import { createManifest } from './createManifest.js';

const manifest = await createManifest(bundledContentDir());
if (!manifest) throw new Error('the bundled content has a page that does not parse: run the tests for details');
// Beside this script, in the folder being built (it becomes dist/).
writeFileSync(new URL('./content-manifest.json', import.meta.url), `${JSON.stringify(manifest)}\n`);
