import { ConfirmButton } from '../../../components/ConfirmButton';
import type { Profile } from '../../../api/types';
import { useSetRoles } from './api';

/**
 * Makes an account admin, or takes the role away (which signs it out everywhere); asks first.
 * Nobody can take it from themselves, so the shop never loses the admin at the keyboard.
 */
export function AdminRoleButton({ person, isMe }: { person: Profile; isMe: boolean }) {
  const setRoles = useSetRoles();
  const admin = person.roles.includes('admin');
  if (isMe) return <span className="text-stone-600">You</span>;
  return admin ? (
    <ConfirmButton
      label="Remove admin"
      ariaLabel={`Remove admin role from ${person.email}`}
      size="sm"
      title={`Remove ${person.email}'s admin role?`}
      confirmLabel="Remove admin role"
      action={setRoles}
      run={(done) => setRoles.mutate({ userId: person.id, roles: ['customer'] }, { onSuccess: done })}
    >
      They can no longer open the admin and are signed out everywhere. The audit log records the change.
    </ConfirmButton>
  ) : (
    <ConfirmButton
      label="Make admin"
      ariaLabel={`Make ${person.email} an admin`}
      size="sm"
      title={`Make ${person.email} an admin?`}
      confirmLabel="Make admin"
      cancelLabel="Cancel"
      action={setRoles}
      run={(done) =>
        setRoles.mutate({ userId: person.id, roles: ['customer', 'admin'] }, { onSuccess: done })
      }
    >
      Admins change products, prices, stock and orders, refund payments and make other admins. The audit log
      records the change.
    </ConfirmButton>
  );
}
