import { type Command, InvalidArgumentError } from 'commander';
import { type Act, collect, type Declarations, examples, parseLimit } from './shared.js';

export const motionExamples = [
  'delegate motion list cac-report.pdf',
  'delegate motion check my-motion.txt',
  'delegate motion compare cac-housing.md',
  'delegate motion compare cac-report.pdf --pick 3,5,8',
  'delegate motion keep --mine ours.txt --draft composite.txt',
];

const FILE_HELP = 'text, Markdown, PDF or Word (.docx), or - for standard input';

/** --pick 3,5 or --pick C8,M2: numbers as the document prints them, or places in `motion list`. */
export function parsePick(value: string, previous: string[] = []): string[] {
  const picks = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (picks.length === 0 || picks.some((p) => !/^[A-Za-z]{0,2}\d{1,4}[a-z]?(?:\.\d{1,3})?$/.test(p))) {
    throw new InvalidArgumentError('Give motion numbers separated by commas, as the document prints them (3,5 or C8), or places in `delegate motion list` (M2).');
  }
  return [...previous, ...picks];
}

/** The two options every motion command takes, to work on some motions of a long document. */
function selecting(command: Command, whose = 'the motions'): Command {
  return command
    .option('--pick <numbers>', `only ${whose} with these numbers, as printed (3,5 or C8), or places in \`motion list\` (M2)`, parsePick)
    .option('--org <name>', `only ${whose} from this organisation (any part of its name; repeat for more)`, collect);
}

/** The motion workbench: list, check, compare and keep. */
export const motionCommands: Declarations = {
  motion: ({ program, act }) => {
    const motion = program
      .command('motion')
      .description('the motion workbench: list the motions in a document, check one, compare them, see which words survived')
      .addHelpText('after', examples(motionExamples));
    for (const declare of Object.values(motionSubcommands)) declare(motion, act);
  },
};

type Subcommand = (motion: Command, act: Act) => void;

/** Each `delegate motion` subcommand, in the order help lists them. */
const motionSubcommands: Record<string, Subcommand> = {
  list: (motion, act) => {
    selecting(
      motion
        .command('list')
        .description('list the motions found in files: number, organisation, title, words, page')
        .argument('<file...>', `files of motions (${FILE_HELP})`),
    )
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion list cac-report.pdf', 'delegate motion list agenda.docx --org Unison --json']))
      .action(act(async (ctx, files: string[], opts) => (await import('../commands/motionList.js')).motionList({ ...opts, files }, ctx)));
  },
  check: (motion, act) => {
    selecting(
      motion
        .command('check')
        .description('check a contemporary motion before it is submitted')
        .argument('<file>', `the motion, or a document of motions (${FILE_HELP})`),
    )
      .option('--limit <words>', 'word limit (default: 250)', parseLimit)
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion check motion.txt', 'pbpaste | delegate motion check -', 'delegate motion check motion.md --limit 300 --json', 'delegate motion check cac-report.pdf --org Anytown']))
      .action(act(async (ctx, file: string, opts) => (await import('../commands/motionCheck.js')).motionCheck({ ...opts, file }, ctx)));
  },
  compare: (motion, act) => {
    selecting(
      motion
        .command('compare')
        .description('compare the motions that will be composited')
        .argument('<file...>', `one file per motion, or files with a heading per motion (${FILE_HELP})`),
    )
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion compare a.txt b.txt c.txt', 'delegate motion compare housing-motions.md --json', 'delegate motion compare cac-report.pdf --pick 3,5,8']))
      .action(act(async (ctx, files: string[], opts) => (await import('../commands/motionCompare.js')).motionCompare({ ...opts, files }, ctx)));
  },
  keep: (motion, act) => {
    selecting(
      motion
        .command('keep')
        .description('how much of your motion survived into a draft composite')
        .requiredOption('--mine <file>', `your motion, or a document with it (${FILE_HELP})`)
        .requiredOption('--draft <file>', 'the draft composite'),
      'the motions of --mine',
    )
      .option('--phrases <file>', 'key phrases to track, one per line (default: your resolves)')
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion keep --mine ours.txt --draft composite.txt', 'delegate motion keep --mine ours.txt --draft composite.txt --phrases must-keep.txt', 'delegate motion keep --mine cac-report.pdf --org Anytown --draft composite.docx']))
      .action(act(async (ctx, opts) => (await import('../commands/motionKeep.js')).motionKeep(opts, ctx)));
  },
};
