import { type Command } from 'commander';
import { type Act, type Declarations, examples, parseLimit } from './shared.js';

export const motionExamples = ['delegate motion check my-motion.txt', 'delegate motion compare cac-housing.md', 'delegate motion keep --mine ours.txt --draft composite.txt'];

/** The motion workbench: check, compare and keep. */
export const motionCommands: Declarations = {
  motion: ({ program, act }) => {
    const motion = program
      .command('motion')
      .description('the motion workbench: check a motion, compare motions, see which words survived')
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
};
