import { collect, type Declarations, examples } from './shared.js';

/** Your notes: add, edit, list, show, rm and import. */
export const notesCommands: Declarations = {
  notes: ({ program, act }) => {
    const notes = program
      .command('notes')
      .description('your own notes from the hall, kept as Markdown files')
      .addHelpText('after', examples(['delegate notes add "Economy composite" --tag economy', 'pbpaste | delegate notes add "Housing motion text"', 'delegate notes list', 'delegate notes import ~/Documents/conference/*.md']));

    notes
      .command('add')
      .description('write a new note in $VISUAL/$EDITOR, or from standard input when it is not a terminal')
      .argument('[title...]', 'the note title')
      .option('--tag <tag>', 'tag the note (repeatable)', collect)
      .addHelpText('after', examples(['delegate notes add "Economy composite"            # opens your editor', 'delegate notes add "Economy composite" --tag economy --tag cac', 'pbpaste | delegate notes add "Housing motion text"']))
      .action(act(async (ctx, title: string[], opts) => (await import('../commands/notes.js')).notesAdd({ ...opts, title: title.join(' ') }, ctx)));

    notes
      .command('edit')
      .description('edit a note in $VISUAL/$EDITOR')
      .argument('<note>', 'note id or title words')
      .addHelpText('after', examples(['delegate notes edit economy-composite', 'EDITOR=nano delegate notes edit economy']))
      .action(act(async (ctx, note: string) => (await import('../commands/notes.js')).notesEdit({ note }, ctx)));

    notes
      .command('list')
      .description('list your notes')
      .option('--tag <tag>', 'only notes with this tag')
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate notes list', 'delegate notes list --tag economy', 'delegate notes list --json']))
      .action(act(async (ctx, opts) => (await import('../commands/notes.js')).notesList(opts, ctx)));

    notes
      .command('show')
      .description('show a note')
      .argument('<note>', 'note id or title words')
      .addHelpText('after', examples(['delegate notes show economy-composite', 'delegate notes show economy']))
      .action(act(async (ctx, note: string) => (await import('../commands/notes.js')).notesShow({ note }, ctx)));

    notes
      .command('rm')
      .description('move a note to the trash folder (recoverable)')
      .argument('<note>', 'note id or title words')
      .addHelpText('after', examples(['delegate notes rm economy-composite   # prints the mv line that brings it back']))
      .action(act(async (ctx, note: string) => (await import('../commands/notes.js')).notesRm({ note }, ctx)));

    notes
      .command('import')
      .description('bring in existing .md and .txt files (nothing is overwritten)')
      .argument('<path...>', 'files or folders')
      .addHelpText('after', examples(['delegate notes import ~/Documents/conference/*.md', 'delegate notes import ~/Documents/conference   # every .md and .txt in the folder']))
      .action(act(async (ctx, sources: string[]) => (await import('../commands/notes.js')).notesImport({ sources }, ctx)));
  },
};
