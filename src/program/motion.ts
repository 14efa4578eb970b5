import { type Command, InvalidArgumentError } from 'commander';
import { type Act, collect, type Declarations, examples, parseLimit } from './shared.js';

export const motionExamples = [
  'delegate motion list cac-report.pdf',
  'delegate motion check my-motion.txt',
  'delegate motion compare cac-housing.md',
  'delegate motion compare cac-report.pdf --pick 3,5,8',
  'delegate motion keep --mine ours.txt --draft composite.txt',
  'delegate motion apply motion.txt amendments.txt --marked',
  'delegate motion amendment --from motion.txt --to edited.txt',
  'delegate motion composite cac-housing.md > composite.md',
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

/** The motion workbench: list, check, compare, keep, apply, amendment and composite. */
export const motionCommands: Declarations = {
  motion: ({ program, act }) => {
    const motion = program
      .command('motion')
      .description('the motion workbench: list the motions in a document, check and compare them, see which words survived, apply and draft amendments, draft a composite')
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
  apply: (motion, act) => {
    selecting(
      motion
        .command('apply')
        .description('print a motion as amended, or say which instruction cannot be applied and why')
        .argument('<motion>', `the motion, or a document with it (${FILE_HELP})`)
        .argument('<amendment...>', 'amendment files, applied in order; a file may hold several, each under a heading such as "Amendment 1 \u2013 Unison"'),
      'the motion',
    )
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
    selecting(
      motion
        .command('amendment')
        .description('write the amendment that turns a motion into your edited copy of it')
        .requiredOption('--from <original>', `the motion as printed, or a document with it (${FILE_HELP})`)
        .requiredOption('--to <edited>', 'your copy, edited to read as you want it'),
      'the motion of --from',
    )
      .option('--json', 'print JSON: each instruction as data and as text')
      .addHelpText('after', examples(['delegate motion amendment --from motion.txt --to edited.txt > amendment.txt', 'delegate motion apply motion.txt amendment.txt   # check: gives back edited.txt']))
      .action(act(async (ctx, opts) => (await import('../commands/motionAmendment.js')).motionAmendment(opts, ctx)));
  },
  composite: (motion, act) => {
    selecting(
      motion
        .command('composite')
        .description('a first draft composite in Markdown, to take into the compositing meeting')
        .argument('<file...>', `one file per motion, or a document of motions (${FILE_HELP})`),
    )
      .option('--limit <words>', 'word limit (default: 250)', parseLimit)
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate motion composite a.txt b.txt c.txt > composite.md', 'delegate motion composite housing-motions.md --limit 300', 'delegate motion composite cac-report.pdf --pick 3,5,8']))
      .action(act(async (ctx, files: string[], opts) => (await import('../commands/motionComposite.js')).motionComposite({ ...opts, files }, ctx)));
  },
};
