import { type Command } from 'commander';
import { type Act, type Declarations, examples, parseLimit } from './shared.js';

export const motionExamples = [
  'delegate motion check my-motion.txt',
  'delegate motion compare cac-housing.md',
  'delegate motion keep --mine ours.txt --draft composite.txt',
  'delegate motion apply motion.txt amendments.txt --marked',
  'delegate motion amendment --from motion.txt --to edited.txt',
  'delegate motion composite cac-housing.md > composite.md',
];

/** The motion workbench: check, compare, keep, apply, amendment and composite. */
export const motionCommands: Declarations = {
  motion: ({ program, act }) => {
    const motion = program
      .command('motion')
      .description('the motion workbench: check a motion, compare motions, see which words survived, apply and draft amendments, draft a composite')
      .addHelpText('after', examples(motionExamples));
    for (const declare of Object.values(motionSubcommands)) declare(motion, act);
  },
};

type Subcommand = (motion: Command, act: Act) => void;

/** Each `delegate motion` subcommand, in the order help lists them. */
const motionSubcommands: Record<string, Subcommand> = {
  check: (motion, act) => {
    motion
      .command('check')
      .description('check a contemporary motion before it is submitted')
      .argument('<file>', 'the motion (a file, or - for standard input)')
      .option('--limit <words>', 'word limit (default: 250)', parseLimit)
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion check motion.txt', 'pbpaste | delegate motion check -', 'delegate motion check motion.md --limit 300 --json']))
      .action(act(async (ctx, file: string, opts) => (await import('../commands/motionCheck.js')).motionCheck({ ...opts, file }, ctx)));
  },
  compare: (motion, act) => {
    motion
      .command('compare')
      .description('compare the motions that will be composited')
      .argument('<file...>', 'one file per motion, or one file with a heading per motion')
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion compare a.txt b.txt c.txt', 'delegate motion compare housing-motions.md --json']))
      .action(act(async (ctx, files: string[], opts) => (await import('../commands/motionCompare.js')).motionCompare({ ...opts, files }, ctx)));
  },
  keep: (motion, act) => {
    motion
      .command('keep')
      .description('how much of your motion survived into a draft composite')
      .requiredOption('--mine <file>', 'your motion')
      .requiredOption('--draft <file>', 'the draft composite')
      .option('--phrases <file>', 'key phrases to track, one per line (default: your resolves)')
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion keep --mine ours.txt --draft composite.txt', 'delegate motion keep --mine ours.txt --draft composite.txt --phrases must-keep.txt']))
      .action(act(async (ctx, opts) => (await import('../commands/motionKeep.js')).motionKeep(opts, ctx)));
  },
  apply: (motion, act) => {
    motion
      .command('apply')
      .description('print a motion as amended, or say which instruction cannot be applied and why')
      .argument('<motion>', 'the motion (a file, or - for standard input)')
      .argument('<amendment...>', 'amendment files, applied in order; a file may hold several, each under a heading such as "Amendment 1 \u2013 Unison"')
      .option('--marked', 'show each change: highlighted on a terminal, [+ put in +] and [- taken out -] when plain')
      .option('--json', 'print JSON: each instruction, where it applied and the result')
      .addHelpText(
        'after',
        examples([
          'delegate motion apply motion.txt amendment.txt',
          'delegate motion apply motion.txt unison.txt riverside.txt --marked',
          'delegate motion apply motion.txt amendments.txt --json',
        ]) +
          '\nInstructions it reads (straight or curly quotes):\n' +
          [
            'Insert new paragraph 2: "..."            Add new paragraph at end: "..."',
            'In paragraph 2, line 3, after "contract" insert ", agency"   (before "..." insert)',
            'Delete "X"        Delete "X" and insert "Y"        Replace "X" with "Y"',
            'Delete paragraph 3        Replace paragraph 3 with: "..."',
            'Delete from "A" to "B"        Delete all after "calls on" and insert "..."',
            'Add at end: "..."   Add at end of paragraph 2 / of point iii / of the resolves: "..."',
            'In paragraph 3, delete point iii / replace bullet 2 with "..." / insert new point 4: "..."',
          ]
            .map((l) => `  ${l}`)
            .join('\n') +
          '\n\nParagraphs are blocks between blank lines below the title; a list belongs to the paragraph that leads\ninto it with a colon. Each instruction applies to the motion as the ones before it left it.\n',
      )
      .action(act(async (ctx, file: string, amendments: string[], opts) => (await import('../commands/motionApply.js')).motionApply({ ...opts, motion: file, amendments }, ctx)));
  },
  amendment: (motion, act) => {
    motion
      .command('amendment')
      .description('write the amendment that turns a motion into your edited copy of it')
      .requiredOption('--from <original>', 'the motion as printed')
      .requiredOption('--to <edited>', 'your copy, edited to read as you want it')
      .option('--json', 'print JSON: each instruction as data and as text')
      .addHelpText('after', examples(['delegate motion amendment --from motion.txt --to edited.txt > amendment.txt', 'delegate motion apply motion.txt amendment.txt   # check: gives back edited.txt']))
      .action(act(async (ctx, opts) => (await import('../commands/motionAmendment.js')).motionAmendment(opts, ctx)));
  },
  composite: (motion, act) => {
    motion
      .command('composite')
      .description('a first draft composite in Markdown, to take into the compositing meeting')
      .argument('<file...>', 'one file per motion, or one file with a heading per motion')
      .option('--limit <words>', 'word limit (default: 250)', parseLimit)
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion composite a.txt b.txt c.txt > composite.md', 'delegate motion composite housing-motions.md --limit 300']))
      .action(act(async (ctx, files: string[], opts) => (await import('../commands/motionComposite.js')).motionComposite({ ...opts, files }, ctx)));
  },
};
