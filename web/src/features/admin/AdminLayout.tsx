import { NavLink, Outlet } from 'react-router';

/** The admin's sections; `end`: active on its own address only (not on those under it). */
const SECTIONS: readonly { to: string; label: string; end?: boolean }[] = [
  { to: '/admin', label: 'Overview', end: true },
  { to: '/admin/products', label: 'Products' },
  { to: '/admin/categories', label: 'Categories' },
  { to: '/admin/orders', label: 'Orders' },
  { to: '/admin/delivery', label: 'Delivery' },
  { to: '/admin/people', label: 'People' },
  { to: '/admin/campaigns', label: 'Campaigns' },
  { to: '/admin/audit', label: 'Audit log' },
];

export function AdminLayout() {
  return (
    <div className="grid gap-6 lg:grid-cols-[12rem_1fr]">
      <nav aria-label="Admin" className="h-fit rounded-2xl bg-stone-900 p-3 text-stone-100">
        <p className="px-3 py-2 text-xs font-semibold tracking-wide text-stone-300 uppercase">Admin</p>
        <ul className="flex flex-wrap gap-1 lg:flex-col">
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink
                to={s.to}
                end={s.end ?? false}
                className={({ isActive }) =>
                  `block rounded-lg px-3 py-2 text-sm font-medium ${isActive ? 'bg-orange-700 text-white' : 'hover:bg-stone-800'}`
                }
              >
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0">
        <Outlet />
      </div>
    </div>
  );
}
