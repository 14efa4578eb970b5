// Build step (run by scripts/build.mjs, not shipped as a command): parse the bundled content
// once and write the manifest beside the bundle.
import { writeFileSync } from 'node:fs';
import { bundledContentDir, bundledManifestFile } from '../paths.js';
import { createManifest } from './manifest.js';

const manifest = await createManifest(bundledContentDir());
if (!manifest) throw new Error('the bundled content has a page that does not parse: run the tests for details');
writeFileSync(bundledManifestFile(), `${JSON.stringify(manifest)}\n`);
