import { Argument, Option } from 'commander';
import { type Declarations, examples, parseLimit } from './shared.js';

const kinds = ['lesson', 'note', 'procedure', 'cheatsheet'];

/** The handbook: list, read, cheatsheet, paths, completion and search. */
export const handbookCommands: Declarations = {
  list: ({ program, act }) => {
    program
      .command('list')
      .description('list the handbook pages: id, kind and title')
      .addOption(new Option('--kind <kind>', 'only pages of this kind').choices(kinds))
      .option('--tag <tag>', 'only pages with this tag')
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate list', 'delegate list --kind procedure', 'delegate list --tag compositing --json']))
      .action(act(async (ctx, opts) => (await import('../commands/list.js')).list(opts, ctx)));
  },
  read: ({ program, act }) => {
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
      .action(act(async (ctx, words: string[], opts) => (await import('../commands/read.js')).read({ ...opts, query: words.join(' ') }, ctx)));
  },
  cheatsheet: ({ program, act }) => {
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
      .action(act(async (ctx, opts) => (await import('../commands/cheatsheet.js')).cheatsheet(opts, ctx)));
  },
  paths: ({ program, act }) => {
    program
      .command('paths')
      .description('where bundled content, your notes, data and cache live')
      .option('--json', 'print JSON')
      .addHelpText('after', examples(['delegate paths', 'delegate paths --json']))
      .action(act(async (ctx, opts) => (await import('../commands/paths.js')).paths(opts, ctx)));
  },
  completion: ({ program, act }) => {
    program
      .command('completion')
      .description('print a shell completion script')
      .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
      .addHelpText('after', examples(['delegate completion bash >> ~/.bashrc', 'delegate completion fish > ~/.config/fish/completions/delegate.fish']))
      .action(act(async (ctx, shell: 'bash' | 'zsh' | 'fish') => (await import('../commands/completion.js')).completion({ shell, program }, ctx)));
  },
  search: ({ program, act }) => {
    program
      .command('search')
      .description('search the handbook and your notes (typo-tolerant)')
      .argument('[query...]', 'words or a question; "a phrase"; OR; -excluded; prefix*')
      .addOption(new Option('--kind <kind>', 'only results of this kind').choices([...kinds, 'checklist']))
      .option('--tag <tag>', 'only pages with this tag')
      .addOption(new Option('--source <source>', 'only bundled pages or only your own').choices(['bundled', 'personal']))
      .option('--limit <n>', 'at most n results (default: 10)', parseLimit)
      .option('--json', 'print JSON')
      .option('--jsonl', 'print one JSON object per result per line')
      // "-emergency" is a word to leave out, not an option.
      .allowUnknownOption()
      .addHelpText(
        'after',
        examples(['delegate search reference back', 'delegate search how many words in a contemporary motion', 'delegate search "card vote" --kind procedure', 'delegate search composit* -emergency', 'delegate search            # interactive, on a terminal']),
      )
      .action(
        act(async (ctx, words: string[], opts, cmd) => {
          // Only single-dash words are search terms; a mistyped --option is still an error.
          const unknown = words.find((w) => w.startsWith('--') && w.length > 2);
          if (unknown) cmd.error(`error: unknown option '${unknown}'`, { code: 'commander.unknownOption', exitCode: 2 });
          await (await import('../commands/search.js')).search({ ...opts, query: words.join(' ') }, ctx);
        }),
      );
  },
};
