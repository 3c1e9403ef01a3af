/** The shop's currency: the demo catalog prices everything in euros. */
export const SHOP_CURRENCY = 'EUR';
