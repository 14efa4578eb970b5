import { type Command, Option } from 'commander';
import { collect, type Declarations, examples } from './shared.js';

/** Checklists: tick one, list them, every run's status, edit your own copy. */
export const checklistCommands: Declarations = {
  checklist: ({ program, act }) => {
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
      .action(act(async (ctx, id: string | undefined, opts) => (await import('../commands/checklist/index.js')).checklistCommand({ ...opts, id }, ctx)));

    // list and status: the parent `checklist` has --run and --json too, and commander gives the
    // flags to it, so their options are taken with the globals.
    checklist
      .command('list')
      .description('every checklist, with its progress in this run')
      .option('--run <name>', 'the run whose progress is shown (default: "default")')
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate checklist list', 'delegate checklist list --run economy --json']))
      .action(
        act(async (ctx, opts, cmd: Command) =>
          (await import('../commands/checklist/index.js')).checklistCommand({ ...cmd.optsWithGlobals(), ...opts, id: undefined, list: true }, ctx),
        ),
      );

    checklist
      .command('status')
      .description('every run\'s progress at a glance')
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate checklist status', 'delegate checklist status --json']))
      .action(act(async (ctx, opts, cmd: Command) => (await import('../commands/checklist/index.js')).checklistStatus({ ...cmd.optsWithGlobals(), ...opts }, ctx)));

    checklist
      .command('edit')
      .description('copy a bundled checklist to your notes folder and open it in $EDITOR')
      .argument('<id>', 'checklist id')
      .addHelpText('after', examples(['delegate checklist edit amendment']))
      .action(act(async (ctx, id: string) => (await import('../commands/checklist/index.js')).checklistEdit({ id }, ctx)));
  },
};
