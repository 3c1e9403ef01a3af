import { describe, expect, it } from 'vitest';
import { deliveryTermsText, isAuditAction, rolesText } from './auditActions';

describe('audit actions', () => {
  it('knows the kinds the log keeps, and nothing else', () => {
    expect(isAuditAction('refunded')).toBe(true);
    expect(isAuditAction('roles_changed')).toBe(true);
    expect(isAuditAction('deleted')).toBe(false);
    expect(isAuditAction(null)).toBe(false);
  });

  it('says what delivery costs and whether it is offered', () => {
    const money = (minor: number) => `€${(minor / 100).toFixed(2)}`;
    expect(deliveryTermsText({ price: 490, free_above: 5000, active: true }, money)).toBe(
      '€4.90, free from €50.00, offered',
    );
    expect(deliveryTermsText({ price: 0, free_above: null, active: false }, money)).toBe('free, hidden');
  });

  it('names role sets, the empty one too', () => {
    expect(rolesText(['customer', 'admin'])).toBe('customer, admin');
    expect(rolesText([])).toBe('none');
  });
});
