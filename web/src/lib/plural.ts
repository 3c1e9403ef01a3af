const rules = new Intl.PluralRules('en-GB');

/** `3 items`, `1 item`: a count with the noun's singular or plural, as English wants it. */
export function countOf(count: number, one: string, other: string): string {
  return `${count} ${rules.select(count) === 'one' ? one : other}`;
}
