// The motion workbench's domain logic, as the rest of delegate uses it: built apart, as
// dist/islands/motion.cjs (scripts/build.mjs), and read only by the motion commands. Every other
// command starts without reading, keeping or running its 80 kB (a search on Node 24 about 1.5 ms
// sooner, measured on 3 December 2026). Outside src/motion, import from the modules themselves:
// the build sends every such import here.
export { AmendmentNotApplied, applyAmendments } from './applyAmendment.js';
export { checkParsedMotion } from './checkMotion.js';
export { compareMotions } from './compareMotions.js';
export { AmendmentNotDrafted, draftAmendment } from './draftAmendment.js';
export { draftComposite } from './draftComposite.js';
export { formatInstruction } from './instruction.js';
export { keptInDraft } from './keptInDraft.js';
export { layoutText, markerFor } from './paragraphs.js';
export { AmendmentSyntaxError, parseAmendments } from './parseAmendment.js';
export { readMotionFile } from './readMotionFile.js';
export { baseName, readMotions } from './readMotions.js';
export { NEARLY_IDENTICAL, percent, SIMILAR } from './similarity.js';
