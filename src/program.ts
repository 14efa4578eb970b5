import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import type { Context, GlobalOptions, OutStream } from './context.js';

/** How the program reaches the outside world; cli.ts passes the real process, tests pass their own. */
export type ContextFactory = (options: GlobalOptions) => Context | Promise<Context>;

function parseWidth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 1000) throw new InvalidArgumentError('Give a whole number from 20 to 1000.');
  return n;
}

export function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Give a whole number, 1 or more.');
  return n;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const motionExamples = ['delegate motion check my-motion.txt', 'delegate motion compare cac-housing.md', 'delegate motion keep --mine ours.txt --draft composite.txt'];

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

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
  const ctx = async (cmd: Command) => makeContext(cmd.optsWithGlobals<GlobalOptions>());

  program
    .description('A terminal handbook for conference delegates: motions, amendments, compositing,\nreference backs and card votes.')
    .version(versionText, '-V, --version', 'show the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--color <when>', 'colour: auto, always or never').choices(['auto', 'always', 'never']).default('auto'))
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
        '\nEnvironment: DELEGATE_PATH (extra content folders, colon-separated), DELEGATE_NOTES_DIR,\nXDG_DATA_HOME, XDG_CACHE_HOME, PAGER, NO_COLOR, FORCE_COLOR, DELEGATE_DEBUG=1 (stack traces).\n',
    )
    .action(async ([command]: string[], _opts: unknown, cmd: Command) => {
      const { home } = await import('./commands/home.js');
      const motionHelp = () => {
        const motion = program.commands.find((c) => c.name() === 'motion')!;
        return motion.helpInformation() + examples(motionExamples);
      };
      await home({ command, help: () => program.helpInformation(), motionHelp, commands: program.commands.map((c) => c.name()) }, await ctx(cmd));
    });

  // Each command's definition. A run that names one builds only that one (commander takes a few
  // ms to build them all); a run that names none, or an unknown one, or `completion`, which
  // writes them all out, builds every one.
  const commands: Record<string, () => void> = {
    list: () => {
      program
        .command('list')
        .description('list the handbook pages: id, kind and title')
        .addOption(new Option('--kind <kind>', 'only pages of this kind').choices(['lesson', 'note', 'procedure', 'cheatsheet']))
        .option('--tag <tag>', 'only pages with this tag')
        .option('--json', 'print JSON')
        .addHelpText('after', examples(['delegate list', 'delegate list --kind procedure', 'delegate list --tag compositing --json']))
        .action(async (opts, cmd: Command) => {
          const { list } = await import('./commands/list.js');
          await list(opts, await ctx(cmd));
        });
    },
    read: () => {
      program
        .command('read')
        .description('read a page, found by id or by words of its title')
        .argument('<page...>', 'page id or title words')
        .option('--markdown', 'print the Markdown source')
        .option('--json', 'print the page as JSON')
        .option('--section <heading>', 'only the section whose heading has these words')
        .option('--line <n>', 'only the section holding line n of the file (as search shows it)', parseLimit)
        .addHelpText(
          'after',
          examples(['delegate read reference-back', 'delegate read chair is not neutral', 'delegate read compositing --section "who chairs"', 'delegate read card-votes --line 21', 'delegate read card-votes --markdown > card-votes.md']),
        )
        .action(async (words: string[], opts, cmd: Command) => {
          const { read } = await import('./commands/read.js');
          await read({ ...opts, query: words.join(' ') }, await ctx(cmd));
        });
    },
    cheatsheet: () => {
      program
        .command('cheatsheet')
        .description('the procedure cheat sheet, to scan in a minute or print')
        .option('--section <name>', 'only the sections whose heading matches')
        .addOption(new Option('--format <format>', 'output format').choices(['terminal', 'markdown', 'text', 'html']))
        .option('--output <file>', 'write to a file instead of the terminal')
        .addHelpText(
          'after',
          examples(['delegate cheatsheet', 'delegate cheatsheet --section "card votes"', 'delegate cheatsheet --format html --output cheatsheet.html   # print it on A4']),
        )
        .action(async (opts, cmd: Command) => {
          const { cheatsheet } = await import('./commands/cheatsheet.js');
          await cheatsheet(opts, await ctx(cmd));
        });
    },
    paths: () => {
      program
        .command('paths')
        .description('where bundled content, your notes, data and cache live')
        .option('--json', 'print JSON')
        .addHelpText('after', examples(['delegate paths', 'delegate paths --json']))
        .action(async (opts, cmd: Command) => {
          const { paths } = await import('./commands/paths.js');
          await paths(opts, await ctx(cmd));
        });
    },
    completion: () => {
      program
        .command('completion')
        .description('print a shell completion script')
        .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
        .addHelpText('after', examples(['delegate completion bash >> ~/.bashrc', 'delegate completion fish > ~/.config/fish/completions/delegate.fish']))
        .action(async (shell: 'bash' | 'zsh' | 'fish', _opts, cmd: Command) => {
          const { completion } = await import('./commands/completion.js');
          await completion({ shell, program }, await ctx(cmd));
        });
    },
    search: () => {
      program
        .command('search')
        .description('search the handbook and your notes (typo-tolerant)')
        .argument('[query...]', 'words; "a phrase"; OR; -excluded; prefix*')
        .addOption(new Option('--kind <kind>', 'only pages of this kind').choices(['lesson', 'note', 'procedure', 'cheatsheet']))
        .option('--tag <tag>', 'only pages with this tag')
        .addOption(new Option('--source <source>', 'only bundled pages or only your own').choices(['bundled', 'personal']))
        .option('--limit <n>', 'at most n results (default: 10)', parseLimit)
        .option('--json', 'print JSON')
        .option('--jsonl', 'print one JSON object per result per line')
        // "-emergency" is a word to leave out, not an option.
        .allowUnknownOption()
        .addHelpText(
          'after',
          examples(['delegate search reference back', 'delegate search "card vote" --kind procedure', 'delegate search composit* -emergency', 'delegate search            # interactive, on a terminal']),
        )
        .action(async (words: string[], opts, cmd: Command) => {
          // Only single-dash words are search terms; a mistyped --option is still an error.
          const unknown = words.find((w) => w.startsWith('--') && w.length > 2);
          if (unknown) cmd.error(`error: unknown option '${unknown}'`, { code: 'commander.unknownOption', exitCode: 2 });
          const { search } = await import('./commands/search.js');
          await search({ ...opts, query: words.join(' ') }, await ctx(cmd));
        });
    },
    notes: () => {
      const notes = program
        .command('notes')
        .description('your own notes from the hall, kept as Markdown files')
        .addHelpText('after', examples(['delegate notes add "Economy composite" --tag economy', 'pbpaste | delegate notes add "Housing motion text"', 'delegate notes list', 'delegate notes import ~/Documents/conference/*.md']));

      notes
        .command('add')
        .description('write a new note in $VISUAL/$EDITOR, or from standard input when it is not a terminal')
        .argument('[title...]', 'the note title')
        .option('--tag <tag>', 'tag the note (repeatable)', collect)
        .action(async (title: string[], opts, cmd: Command) => {
          const { notesAdd } = await import('./commands/notes.js');
          await notesAdd({ ...opts, title: title.join(' ') }, await ctx(cmd));
        });

      notes
        .command('edit')
        .description('edit a note in $VISUAL/$EDITOR')
        .argument('<note>', 'note id or title words')
        .action(async (note: string, _opts, cmd: Command) => {
          const { notesEdit } = await import('./commands/notes.js');
          await notesEdit({ note }, await ctx(cmd));
        });

      notes
        .command('list')
        .description('list your notes')
        .option('--tag <tag>', 'only notes with this tag')
        .option('--json', 'print JSON')
        .action(async (opts, cmd: Command) => {
          const { notesList } = await import('./commands/notes.js');
          await notesList(opts, await ctx(cmd));
        });

      notes
        .command('show')
        .description('show a note')
        .argument('<note>', 'note id or title words')
        .action(async (note: string, _opts, cmd: Command) => {
          const { notesShow } = await import('./commands/notes.js');
          await notesShow({ note }, await ctx(cmd));
        });

      notes
        .command('rm')
        .description('move a note to the trash folder (recoverable)')
        .argument('<note>', 'note id or title words')
        .action(async (note: string, _opts, cmd: Command) => {
          const { notesRm } = await import('./commands/notes.js');
          await notesRm({ note }, await ctx(cmd));
        });

      notes
        .command('import')
        .description('bring in existing .md and .txt files (nothing is overwritten)')
        .argument('<path...>', 'files or folders')
        .action(async (sources: string[], _opts, cmd: Command) => {
          const { notesImport } = await import('./commands/notes.js');
          await notesImport({ sources }, await ctx(cmd));
        });
    },
    checklist: () => {
      const checklist = program
        .command('checklist')
        .description('interactive checklists that remember where you got to')
        .argument('[id]', 'checklist id (none: pick one on a terminal, or list them)')
        .option('--run <name>', 'keep separate progress for a separate meeting (default: "default")')
        .option('--list', 'print the items with their ticks')
        .option('--json', 'print JSON')
        .option('--check <item>', 'tick an item (by item id or number; repeatable)', collect)
        .option('--uncheck <item>', 'untick an item (repeatable)', collect)
        .option('--reset', 'clear this run\'s ticks (asks first on a terminal)')
        .option('-y, --yes', 'do not ask before --reset')
        .addOption(new Option('--format <format>', 'print format for --list').choices(['text', 'markdown']))
        .addHelpText(
          'after',
          examples([
            'delegate checklist                                # pick one (terminal)',
            'delegate checklist compositing-meeting --run economy',
            'delegate checklist compositing-meeting --check read-motions',
            'delegate checklist amendment --list --format markdown > amendment.md',
            'delegate checklist list                           # every checklist, with its progress',
            'delegate checklist status',
          ]),
        )
        .action(async (id: string | undefined, opts, cmd: Command) => {
          const { checklistCommand } = await import('./commands/checklist.js');
          await checklistCommand({ ...opts, id }, await ctx(cmd));
        });

      checklist
        .command('list')
        .description('every checklist, with its progress in this run')
        .option('--run <name>', 'the run whose progress is shown (default: "default")')
        .option('--json', 'print JSON')
        .action(async (opts, cmd: Command) => {
          const { checklistCommand } = await import('./commands/checklist.js');
          // As for status: the parent `checklist` has --run and --json too.
          await checklistCommand({ ...cmd.optsWithGlobals(), ...opts, id: undefined, list: true }, await ctx(cmd));
        });

      checklist
        .command('status')
        .description('every run\'s progress at a glance')
        .option('--json', 'print JSON')
        .action(async (opts, cmd: Command) => {
          const { checklistStatus } = await import('./commands/checklist.js');
          // The parent `checklist` also has --json, and commander gives it the flag.
          await checklistStatus({ ...cmd.optsWithGlobals(), ...opts }, await ctx(cmd));
        });

      checklist
        .command('edit')
        .description('copy a bundled checklist to your notes folder and open it in $EDITOR')
        .argument('<id>', 'checklist id')
        .action(async (id: string, _opts, cmd: Command) => {
          const { checklistEdit } = await import('./commands/checklist.js');
          await checklistEdit({ id }, await ctx(cmd));
        });
    },
    motion: () => {
      const motion = program
        .command('motion')
        .description('the motion workbench: check a motion, compare motions, see which words survived')
        .addHelpText('after', examples(motionExamples));

      motion
        .command('check')
        .description('check a contemporary motion before it is submitted')
        .argument('<file>', 'the motion (a file, or - for standard input)')
        .option('--limit <words>', 'word limit (default: 250)', parseLimit)
        .option('--json', 'print JSON')
        .addHelpText('after', examples(['delegate motion check motion.txt', 'pbpaste | delegate motion check -', 'delegate motion check motion.md --limit 300 --json']))
        .action(async (file: string, opts, cmd: Command) => {
          const { motionCheck } = await import('./commands/motionCheck.js');
          await motionCheck({ ...opts, file }, await ctx(cmd));
        });

      motion
        .command('compare')
        .description('compare the motions that will be composited')
        .argument('<file...>', 'one file per motion, or one file with a heading per motion')
        .option('--json', 'print JSON')
        .addHelpText('after', examples(['delegate motion compare a.txt b.txt c.txt', 'delegate motion compare housing-motions.md --json']))
        .action(async (files: string[], opts, cmd: Command) => {
          const { motionCompare } = await import('./commands/motionCompare.js');
          await motionCompare({ ...opts, files }, await ctx(cmd));
        });

      motion
        .command('keep')
        .description('how much of your motion survived into a draft composite')
        .requiredOption('--mine <file>', 'your motion')
        .requiredOption('--draft <file>', 'the draft composite')
        .option('--phrases <file>', 'key phrases to track, one per line (default: your resolves)')
        .option('--json', 'print JSON')
        .addHelpText('after', examples(['delegate motion keep --mine ours.txt --draft composite.txt', 'delegate motion keep --mine ours.txt --draft composite.txt --phrases must-keep.txt']))
        .action(async (opts, cmd: Command) => {
          const { motionKeep } = await import('./commands/motionKeep.js');
          await motionKeep(opts, await ctx(cmd));
        });
    },
  };
  if (only !== undefined && only !== 'completion' && Object.hasOwn(commands, only)) commands[only]!();
  else for (const define of Object.values(commands)) define();

  return program;
}
