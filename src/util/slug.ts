// Names Windows, macOS and git refuse or treat specially; a slug never equals one of them.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A safe file and id name: lowercase ASCII letters, digits and single hyphens. Slashes, dots,
 * control characters and `..` cannot survive it, so a slug never leaves its directory.
 */
export function slugify(input: string, maxLength = 80): string {
  const slug = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return RESERVED.test(slug) ? `${slug}-page` : slug;
}
