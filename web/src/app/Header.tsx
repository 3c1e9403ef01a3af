import { Link, NavLink, useSearchParams } from 'react-router';
import { SearchBox } from '../features/catalog/SearchBox';
import { useCategories } from '../features/catalog/api';
import { shopHref } from '../features/catalog/shopParams';
import { useCart } from '../features/cart/api';
import { useSession } from '../auth/useSession';
import { countOf } from '../lib/plural';

function BasketLink() {
  const { data } = useCart();
  const count = data?.item_count ?? 0;
  return (
    <Link
      to="/basket"
      aria-label={`Basket, ${countOf(count, 'item', 'items')}`}
      className="relative inline-flex items-center gap-1.5 rounded-full px-2 py-2 font-medium sm:gap-2 sm:px-3 text-stone-800 hover:bg-orange-50 hover:text-orange-900"
    >
      <span aria-hidden="true" className="text-xl">
        🧺
      </span>
      <span className="sr-only sm:not-sr-only">Basket</span>
      {count > 0 && (
        <span
          aria-hidden="true"
          data-testid="basket-count"
          className="min-w-6 rounded-full bg-orange-700 px-1.5 text-center text-xs leading-6 font-bold text-white"
        >
          {count}
        </span>
      )}
    </Link>
  );
}

function CategoryBar() {
  const { data } = useCategories();
  const [params] = useSearchParams();
  const current = params.get('category');
  // "All products" is the unfiltered shop, not a search across it.
  const everything = !current && !params.get('q');
  const link = (active: boolean) =>
    `whitespace-nowrap rounded-full px-3 py-1.5 text-sm font-medium ${
      active ? 'bg-orange-700 text-white' : 'text-stone-800 hover:bg-orange-100'
    }`;
  return (
    <nav aria-label="Categories" className="border-t border-orange-100 bg-orange-50/60">
      {/* One row's height before the categories arrive: the page below must not move then. */}
      <ul className="mx-auto flex min-h-12 max-w-6xl flex-wrap gap-1 px-4 py-2">
        <li>
          <NavLink to="/shop" end className={({ isActive }) => link(isActive && everything)}>
            All products
          </NavLink>
        </li>
        {(data ?? []).map((category) => (
          <li key={category.slug}>
            <Link to={shopHref({ category: category.slug })} className={link(current === category.slug)}>
              {category.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Header() {
  const { signedIn, isAdmin } = useSession();
  const [params] = useSearchParams();
  const accountLink =
    'rounded-full px-2 py-2 font-medium text-stone-800 hover:bg-orange-50 hover:text-orange-900 sm:px-3';
  return (
    <header className="z-20 border-b border-stone-200 bg-white/95 backdrop-blur sm:sticky sm:top-0">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4">
        <Link
          to="/"
          className="flex items-center gap-1.5 text-xl font-extrabold tracking-tight text-orange-800 sm:gap-2 sm:text-2xl"
        >
          <span aria-hidden="true">🍜</span>
          MenusKart
        </Link>
        <SearchBox
          key={params.get('q') ?? ''}
          initialQuery={params.get('q') ?? ''}
          className="order-last w-full sm:order-none sm:w-auto sm:flex-1"
        />
        <nav aria-label="Account" className="ml-auto flex items-center gap-0.5 sm:ml-0 sm:gap-1">
          {isAdmin && (
            <Link to="/admin" className={accountLink}>
              Admin
            </Link>
          )}
          {signedIn ? (
            <Link to="/account" className={accountLink}>
              Account
            </Link>
          ) : (
            <Link to="/signin" className={accountLink}>
              Sign in
            </Link>
          )}
          <BasketLink />
        </nav>
      </div>
      <CategoryBar />
    </header>
  );
}
