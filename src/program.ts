import { Command, Option } from 'commander';
import type { OutStream } from './context.js';
import { checklistCommands } from './program/checklist.js';
import { handbookCommands } from './program/handbook.js';
import { motionCommands } from './program/motion.js';
import { notesCommands } from './program/notes.js';
import { type ContextFactory, type Declarations, examples, makeAct, parseWidth } from './program/shared.js';

export type { ContextFactory } from './program/shared.js';

/** Every command, family by family; the order is the order help lists them in. */
const families: Declarations[] = [handbookCommands, notesCommands, checklistCommands, motionCommands];

/**
 * The whole command-line surface: commands, options and help. It parses nothing itself and
 * loads each command's module only when that command runs. With `only`, the name of the
 * command about to run, only that command is defined (all of them when it names none).
 */
export function buildProgram(
  makeContext: ContextFactory,
  versionText: string,
  output?: { stdout: OutStream; stderr: OutStream },
  only?: string,
): Command {
  const program = new Command('delegate');
  // NOTE: set before any command is added, so every subcommand inherits them. cli.ts maps the
  // CommanderError thrown to an exit code, and help, version and usage errors are written
  // where the commands write.
  program.exitOverride();
  if (output) {
    program.configureOutput({
      writeOut: (text) => output.stdout.write(text),
      writeErr: (text) => output.stderr.write(text),
    });
  }
  const act = makeAct(makeContext);

  program
    .description('A terminal handbook for conference delegates: motions, amendments, compositing,\nreference backs and card votes.')
    .version(versionText, '-V, --version', 'show the version')
    .helpOption('-h, --help', 'show help')
    // `delegate help` and `delegate help <command>`, as `delegate notes help` already works.
    .helpCommand('help [command]', 'show help for a command')
    .addOption(new Option('--color <when>', 'colour: auto, always or never').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(new Option('--theme <background>', 'colours for a dark or light background, or auto (ask the terminal)').choices(['auto', 'dark', 'light']))
    .option('--width <n>', 'wrap text at n columns (default: terminal width)', parseWidth)
    .option('--no-pager', 'never send long output through $PAGER')
    .usage('[options] [command]')
    // Unknown commands arrive here, with any words after them (no description: it stays out
    // of the help).
    .argument('[command...]')
    .showHelpAfterError('(run "delegate --help" for usage)')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      examples([
        'delegate                         # the home menu on a terminal',
        'delegate list --kind lesson      # the seven compositing lessons',
        'delegate read chair-not-neutral  # read a page by id or title words',
        'delegate cheatsheet --format html --output cheatsheet.html',
      ]) +
        '\nEnvironment: DELEGATE_PATH (extra content folders, separated by : or, on Windows, ;), DELEGATE_NOTES_DIR,\nXDG_DATA_HOME, XDG_CACHE_HOME, PAGER, NO_COLOR, FORCE_COLOR, DELEGATE_THEME (dark, light or\nauto), DELEGATE_DEBUG=1 (stack traces).\n',
    )
    .action(
      act(async (ctx, [command]: string[]) => {
        const { home } = await import('./commands/home.js');
        await home({ command, help: () => program.helpInformation(), commands: program.commands.map((c) => c.name()) }, ctx);
      }),
    );

  // A run that names a command declares only that one (commander takes a few ms to build them
  // all); a run that names none, or an unknown one, or `completion`, which writes them all out,
  // declares every one.
  const family = { program, act };
  const named = only !== undefined && only !== 'completion' ? families.find((f) => Object.hasOwn(f, only)) : undefined;
  if (named) named[only!]!(family);
  else for (const declarations of families) for (const declare of Object.values(declarations)) declare(family);

  return program;
}
