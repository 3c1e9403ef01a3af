/** The sandbox provider's payment tokens, as clearly labelled choices. */
export const PAYMENT_METHODS = [
  { value: 'pm_card_ok', label: 'Visa ending 4242 (succeeds)', icon: '💳' },
  { value: 'pm_card_declined', label: 'Card that is declined', icon: '💳' },
  { value: 'pm_card_insufficient_funds', label: 'Card with insufficient funds', icon: '💳' },
  { value: 'pm_card_async', label: 'Bank payment, confirmed later', icon: '🏦' },
] as const;

export type PaymentMethod = (typeof PAYMENT_METHODS)[number]['value'];
