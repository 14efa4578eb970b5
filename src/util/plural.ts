/**
 * A count and its noun, singular for exactly one: "1 tick", "3 ticks", "0 ticks". `many` is the
 * plural when it is not the noun with an s ("pages have", "files were").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
