/**
 * The shape of a postcode per country: the same rules as the workers' (`schemas/src/postcode.rs`),
 * checked here first so the shopper hears of a typo at once. `9` is a digit, `A` a letter; a
 * country without a rule takes any short code.
 */
const SHAPES: Record<string, readonly string[]> = {
  ...Object.fromEntries(['DE', 'FR', 'IT', 'ES', 'FI', 'HR', 'EE', 'LT'].map((c) => [c, ['99999']])),
  ...Object.fromEntries(
    ['AT', 'BE', 'BG', 'CH', 'DK', 'HU', 'LI', 'LU', 'NO', 'SI', 'CY'].map((c) => [c, ['9999']]),
  ),
  ...Object.fromEntries(['CZ', 'SK', 'SE', 'GR'].map((c) => [c, ['999 99', '99999']])),
  NL: ['9999 AA', '9999AA'],
  PL: ['99-999'],
  PT: ['9999-999'],
  LV: ['LV-9999'],
  MT: ['AAA 9999', 'AAA9999'],
  IS: ['999'],
  US: ['99999', '99999-9999'],
};

function fits(code: string, shape: string): boolean {
  if (code.length !== shape.length) return false;
  return [...shape].every((s, i) => {
    const c = code[i]!;
    if (s === '9') return /[0-9]/.test(c);
    if (s === 'A') return /[A-Za-z]/.test(c);
    return c.toUpperCase() === s;
  });
}

/** A UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A) and inward code (9AA). */
function fitsUk(code: string): boolean {
  const compact = code.replace(' ', '');
  if (compact.length < 5 || code.split(' ').length > 2) return false;
  const outward = compact.slice(0, -3);
  return (
    ['A9', 'A99', 'AA9', 'AA99', 'A9A', 'AA9A'].some((s) => fits(outward, s)) &&
    fits(compact.slice(-3), '9AA')
  );
}

function exampleOf(shape: string): string {
  let digit = 0;
  let letter = 0;
  return [...shape]
    .map((s) =>
      s === '9' ? '1234567890'[digit++ % 10] : s === 'A' ? String.fromCharCode(65 + (letter++ % 26)) : s,
    )
    .join('');
}

/** What is wrong with `code` as a postcode of `country`, in words for the form; null when fine. */
export function postcodeProblem(country: string, code: string): string | null {
  const value = code.trim();
  if (!value) return 'Enter the postcode.';
  if (!/^[\x20-\x7e]{1,12}$/.test(value)) return 'This is not a postcode.';
  if (country === 'GB') return fitsUk(value) ? null : 'Enter a UK postcode, e.g. SW1A 1AA.';
  const shapes = SHAPES[country];
  if (!shapes || shapes.some((s) => fits(value, s))) return null;
  return `Enter a postcode like ${exampleOf(shapes[0]!)}.`;
}
