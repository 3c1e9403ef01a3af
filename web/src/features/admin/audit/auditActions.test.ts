import { describe, expect, it } from 'vitest';
import { isAuditAction, rolesText } from './auditActions';

describe('audit actions', () => {
  it('knows the kinds the log keeps, and nothing else', () => {
    expect(isAuditAction('refunded')).toBe(true);
    expect(isAuditAction('roles_changed')).toBe(true);
    expect(isAuditAction('deleted')).toBe(false);
    expect(isAuditAction(null)).toBe(false);
  });

  it('names role sets, the empty one too', () => {
    expect(rolesText(['customer', 'admin'])).toBe('customer, admin');
    expect(rolesText([])).toBe('none');
  });
});
