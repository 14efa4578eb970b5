import type { Command } from 'commander';
import type { Context } from '../context.js';
import { completionScript, type CompletionSpec, type Shell } from '../render/completionScript.js';


function options(cmd: Command): string[] {
  return cmd.options.flatMap((o) => [o.long, o.short].filter((f): f is string => !!f));
}

export function completionSpec(program: Command): CompletionSpec {
  const commands: CompletionSpec['commands'] = [{ path: '', options: options(program), subcommands: program.commands.map((c) => c.name()) }];
  const walk = (cmd: Command, prefix: string) => {
    for (const sub of cmd.commands) {
      const path = prefix ? `${prefix} ${sub.name()}` : sub.name();
      commands.push({ path, options: [...options(sub), '--help'], subcommands: sub.commands.map((c) => c.name()) });
      walk(sub, path);
    }
  };
  walk(program, '');
  return { commands, globalOptions: options(program) };
}

export async function completion(options: { shell: Shell; program: Command }, ctx: Context): Promise<void> {
  ctx.stdout.write(completionScript(options.shell, completionSpec(options.program)));
}
