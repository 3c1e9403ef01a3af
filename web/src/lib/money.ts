/**
 * Money arrives from the API as integer minor units plus an ISO 4217 currency code.
 * The number of minor digits comes from Intl (EUR has 2, JPY has 0, KWD has 3), never a guess.
 */
export const DEFAULT_LOCALE = 'en-GB';

function formatter(currency: string, locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: 'currency', currency });
}

/** How many minor digits a currency has (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string, locale: string = DEFAULT_LOCALE): number {
  return formatter(currency, locale).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats integer minor units: `formatMoney(1190, 'EUR')` is "€11.90". */
export function formatMoney(minor: number, currency: string, locale: string = DEFAULT_LOCALE): string {
  const digits = minorDigits(currency, locale);
  return formatter(currency, locale).format(minor / 10 ** digits);
}

/** Major units typed by a person ("11.90") to integer minor units (1190); null when not a number. */
export function parseMoney(input: string, currency: string, locale: string = DEFAULT_LOCALE): number | null {
  const cleaned = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const digits = minorDigits(currency, locale);
  return Math.round(Number(cleaned) * 10 ** digits);
}

/** Minor units shown in an input as major units ("11.90"). */
export function toMajorString(minor: number, currency: string, locale: string = DEFAULT_LOCALE): string {
  const digits = minorDigits(currency, locale);
  return (minor / 10 ** digits).toFixed(digits);
}
