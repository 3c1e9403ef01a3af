/** The most a basket's quantity menu offers when the stock allows more (the cart takes 99). */
export const MENU_MAX = 20;

/**
 * The quantities a basket line offers: 1 up to what can be bought (its available stock, when
 * known, capped at `MENU_MAX`), and always the line's own quantity, so the menu shows it even
 * when the stock fell below it meanwhile.
 */
export function quantityChoices(quantity: number, available: number | null | undefined): number[] {
  const buyable = Math.min(MENU_MAX, available ?? MENU_MAX);
  const top = Math.max(buyable, quantity, 1);
  return Array.from({ length: top }, (_, i) => i + 1).filter((n) => n <= buyable || n === quantity);
}

/** What to tell the shopper when a line holds more than can be bought now; null when fine. */
export function shortfall(
  name: string,
  quantity: number,
  available: number | null | undefined,
): string | null {
  if (available === null || available === undefined || quantity <= available) return null;
  if (available <= 0) return `${name} is sold out: remove it to check out.`;
  return `Only ${available} of ${name} left: lower the quantity to check out.`;
}
