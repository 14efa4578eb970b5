// NOTE: these are the party's rules as last confirmed, each with the year it comes from. They
// change from year to year; whatever shows them must say the year and send the delegate to
// the current CAC report.

/** The word limit for a contemporary motion. */
export const WORD_LIMIT = { words: 250, from: 'CAC criteria 2010 and 2011; 2019 guidance' } as const;

/** The title limit in older rules. */
export const TITLE_LIMIT = { words: 10, from: '2011 Rule Book' } as const;

/** What counted as contemporary, and the latest cut-off date known. */
export const CONTEMPORARY = {
  rule: 'about something that arose after the NPF and NEC reports came out, or that they do not substantially address',
  from: '2010-11 criteria',
  latest: { year: 2024, after: '5 July 2024' },
} as const;

/** The latest motions deadline known. */
export const MOTION_DEADLINE = { year: 2024, when: 'motions due by 5pm on 12 September' } as const;
