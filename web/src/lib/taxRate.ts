import { DEFAULT_LOCALE } from './money';

/** A tax rate in basis points as people read it: 1900 is "19%", 550 is "5.5%". */
export function formatRate(basisPoints: number, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}

/** "incl. 19% VAT" beside a price that includes it (the EU's consumer prices), else
 * "plus 19% tax". */
export function taxNote(basisPoints: number, included: boolean): string {
  return included ? `incl. ${formatRate(basisPoints)} VAT` : `plus ${formatRate(basisPoints)} tax`;
}

/** A percentage typed by a person ("19", "5.5", "7,0") as basis points; null when it is not
 * one from 0 to 100. */
export function parseRate(input: string): number | null {
  const cleaned = input.trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const basisPoints = Math.round(Number(cleaned) * 100);
  return basisPoints <= 10_000 ? basisPoints : null;
}
