/** The command tree as completion data: names, options, and whether a command takes a page id. */
export interface CompletionSpec {
  commands: Array<{ path: string; options: string[]; subcommands: string[] }>;
  globalOptions: string[];
}

export type Shell = 'bash' | 'zsh' | 'fish';

// Commands whose first argument is a page id, completed from `delegate list` at tab time.
const PAGE_COMMANDS = ['read'];

function caseArms(spec: CompletionSpec, indent: string): string {
  return spec.commands
    .map((c) => `${indent}"${c.path}") words="${[...c.subcommands, ...c.options].join(' ')}" ;;`)
    .join('\n');
}

function bash(spec: CompletionSpec): string {
  return `# delegate completion for bash: add to ~/.bashrc with
#   eval "$(delegate completion bash)"
_delegate_complete() {
  local cur path word i words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  path=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    case "$path" in
${spec.commands.filter((c) => c.subcommands.length).map((c) => `      "${c.path}") [[ " ${c.subcommands.join(' ')} " == *" $word "* ]] && path="\${path:+$path }$word" ;;`).join('\n')}
    esac
  done
  case "$path" in
${caseArms(spec, '    ')}
    *) words="" ;;
  esac
  case "$path" in
    ${PAGE_COMMANDS.map((c) => `"${c}"`).join('|')}) [[ "$cur" != -* ]] && words="$words $(delegate list --color never 2>/dev/null | cut -f1)" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _delegate_complete delegate
`;
}

function zsh(spec: CompletionSpec): string {
  return `#compdef delegate
# delegate completion for zsh: put in a folder on $fpath as _delegate, or add to ~/.zshrc:
#   eval "$(delegate completion zsh)"
_delegate() {
  # NOTE: not "path" (zsh ties it to PATH) and not "words" (the completion system's own array).
  local cmdpath="" word i
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    [[ "$word" == -* ]] && continue
    case "$cmdpath" in
${spec.commands.filter((c) => c.subcommands.length).map((c) => `      "${c.path}") [[ " ${c.subcommands.join(' ')} " == *" $word "* ]] && cmdpath="\${cmdpath:+$cmdpath }$word" ;;`).join('\n')}
    esac
  done
  local -a choices
  case "$cmdpath" in
${spec.commands.map((c) => `    "${c.path}") choices=(${[...c.subcommands, ...c.options].join(' ')}) ;;`).join('\n')}
  esac
  case "$cmdpath" in
    ${PAGE_COMMANDS.map((c) => `"${c}"`).join('|')}) choices+=(\${(f)"$(delegate list --color never 2>/dev/null | cut -f1)"}) ;;
  esac
  compadd -- $choices
}
if [[ "$funcstack[1]" == "_delegate" ]]; then _delegate "$@"; else compdef _delegate delegate; fi
`;
}

function fish(spec: CompletionSpec): string {
  const lines = ['# delegate completion for fish: delegate completion fish > ~/.config/fish/completions/delegate.fish', 'complete -c delegate -f'];
  const top = spec.commands.find((c) => c.path === '')!;
  lines.push(`complete -c delegate -n "__fish_use_subcommand" -a "${top.subcommands.join(' ')}"`);
  for (const c of spec.commands) {
    if (!c.path) continue;
    const parts = c.path.split(' ');
    const cond = parts.length === 1 ? `__fish_seen_subcommand_from ${parts[0]}` : `__fish_seen_subcommand_from ${parts[0]}; and __fish_seen_subcommand_from ${parts[1]}`;
    if (c.subcommands.length) lines.push(`complete -c delegate -n "${cond}" -a "${c.subcommands.join(' ')}"`);
    for (const o of c.options.filter((o) => o.startsWith('--'))) lines.push(`complete -c delegate -n "${cond}" -l ${o.slice(2)}`);
  }
  for (const c of PAGE_COMMANDS) {
    lines.push(`complete -c delegate -n "__fish_seen_subcommand_from ${c}" -a "(delegate list --color never 2>/dev/null | cut -f1)"`);
  }
  for (const o of spec.globalOptions.filter((o) => o.startsWith('--'))) lines.push(`complete -c delegate -l ${o.slice(2)}`);
  return `${lines.join('\n')}\n`;
}

/** A completion script for the shell, generated from the program's own command tree. */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
