import { Link } from 'react-router';

export function Footer() {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-stone-900 text-stone-200">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-3">
        <div>
          <p className="text-lg font-bold text-white">
            <span aria-hidden="true">🍜 </span>MenusKart
          </p>
          <p className="mt-2 text-sm text-stone-300">
            Dishes cooked fresh and groceries for your own kitchen, delivered to your door.
          </p>
        </div>
        <nav aria-label="Shop">
          <h2 className="text-sm font-semibold text-white">Shop</h2>
          <ul className="mt-2 space-y-1 text-sm">
            <li>
              <Link className="hover:text-white hover:underline" to="/shop">
                All products
              </Link>
            </li>
            <li>
              <Link className="hover:text-white hover:underline" to="/shop?category=dishes">
                Dishes
              </Link>
            </li>
            <li>
              <Link className="hover:text-white hover:underline" to="/shop?category=groceries">
                Groceries
              </Link>
            </li>
          </ul>
        </nav>
        <nav aria-label="Your account">
          <h2 className="text-sm font-semibold text-white">Your account</h2>
          <ul className="mt-2 space-y-1 text-sm">
            <li>
              <Link className="hover:text-white hover:underline" to="/account">
                Profile
              </Link>
            </li>
            <li>
              <Link className="hover:text-white hover:underline" to="/account/orders">
                Orders
              </Link>
            </li>
            <li>
              <Link className="hover:text-white hover:underline" to="/basket">
                Basket
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="border-t border-stone-800 py-4 text-center text-xs text-stone-400">
        © {new Date().getFullYear()} MenusKart · Open-source e-commerce
      </p>
    </footer>
  );
}
