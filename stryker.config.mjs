// Mutation testing (`npm run mutate`): StrykerJS changes the source one small thing at a time
// and runs the unit tests; a change no test notices (a surviving mutant) is a gap. Not part of
// `npm test` or CI: it takes minutes. Scope a run with `npm run mutate -- --mutate src/x.ts`.
//
// NOTE: only test/unit runs. The CLI and pseudo-terminal tests spawn the built bundle in dist/,
// which Stryker does not rebuild, so they could never see a mutant (and would only cost time).

/** The modules whose mistakes lose data or mislead; scores and survivors in docs/MUTATION.md. */
export const modules = [
  'src/util/writeFileAtomic.ts',
  'src/util/fileLock.ts',
  'src/checklist/progress.ts',
  'src/render/sanitize.ts',
  'src/search/parseQuery.ts',
  'src/search/correctQuery.ts',
  'src/motion/parseMotion.ts',
  'src/motion/similarity.ts',
  'src/motion/parseAmendment.ts',
  'src/motion/applyAmendment.ts',
];

// MUTATE_TESTS narrows the run to some unit test files (names without `.test.ts`, comma
// separated): `MUTATE_TESTS=fileLock,checklistProgress npm run mutate -- --mutate
// src/util/fileLock.ts --concurrency 1`. Each mutant costs a jest run; against its own tests a
// module's first run took 13 s to 14 min here (docs/MUTATION.md, "Running it").
const only = process.env.MUTATE_TESTS?.split(',').map((name) => name.trim()).filter(Boolean);
const testMatch = only?.length ? only.map((name) => `**/test/unit/${name}.test.ts`) : undefined;

export default {
  packageManager: 'npm',
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  // The tests are ES modules, which jest runs only under this flag.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // searchIndex and searchCommand build a SQLite index over every page for each test: a
    // mutant of the query parser would cost seconds there. searchQuery.test.ts tests the parser
    // and the correction directly.
    config: {
      roots: ['<rootDir>/test/unit'],
      testPathIgnorePatterns: ['/node_modules/', 'searchIndex\\.test', 'searchCommand\\.test'],
      ...(testMatch ? { testMatch } : {}),
    },
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  // Mutants in module-level code (word lists, patterns built once) run every unit test each:
  // 22% of the mutants, 69% of the time. They are left out; see README, "Mutation testing".
  ignoreStatic: true,
  mutate: modules,
  concurrency: 2,
  // A mutant that loops forever is caught by this timeout (net test time x 1.5 + 20 s). NOTE: it
  // must cover jest's own start for each run (7 to 15 s for ESM tests on a loaded machine): at
  // 2 or 5 s every mutant "timed out", a score of 100% that means nothing.
  timeoutMS: 20000,
  // Results are kept in reports/stryker-incremental.json: a second run tests only what changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
