/**
 * A status history entry in words. The order service writes machine reasons
 * ("payment <id> failed: card_declined", "payment_timeout"); people see what happened.
 */
import { statusLabel } from './orderStatus';

export interface HistoryChange {
  status: string;
  reason?: string | null;
}

function words(code: string): string {
  return code.replace(/_/g, ' ');
}

export function historyEntry(change: HistoryChange): { title: string; note: string | null } {
  const reason = change.reason ?? '';
  const failed = /^payment \S+ failed: (.+)$/.exec(reason);
  if (failed) return { title: 'Payment declined', note: words(failed[1] ?? '') };
  if (change.status === 'cancelled')
    return { title: statusLabel('cancelled'), note: reason ? words(reason) : null };
  // Other reasons (e.g. which payment succeeded) are for staff, not for the timeline.
  return { title: statusLabel(change.status), note: null };
}
