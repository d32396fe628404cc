/** Patterns a backtracking engine may take exponential time on, given a string built to fail late. */
export const catastrophic = [
  '^(a+)+$',
  '(a*)*b',
  '^(\\w+\\s?)*$',
  '^(a|aa)+$',
  '(x+x+)+y',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(a+){20}$',
];

/** Ordinary patterns, classes and escaped parentheses: no catastrophic backtracking. */
export const harmless = [
  '^[a-z]+$',
  '^\\d{3}-\\d{4}$',
  '^(foo|bar)$',
  '^(ab)+$',
  '[(a+)+]',
  '\\(a+\\)+',
  '^(a+)?$',
  '^[\\w.-]{1,64}@[\\w.-]+$',
];
