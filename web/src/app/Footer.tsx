import { Link } from 'react-router';
import { useCategories, usePricing } from '../features/catalog/api';
import { shopHref } from '../features/catalog/shopParams';
import { HELP_TOPICS } from '../features/help/topics';

interface FooterLink {
  to: string;
  label: string;
}

function FooterLinks({ title, links }: { title: string; links: FooterLink[] }) {
  return (
    <nav aria-label={title}>
      <h2 className="text-sm font-semibold text-white">{title}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {links.map((link) => (
          <li key={link.to}>
            <Link className="hover:text-white hover:underline" to={link.to}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const ACCOUNT_LINKS: FooterLink[] = [
  { to: '/account', label: 'Profile' },
  { to: '/account/orders', label: 'Orders' },
  { to: '/basket', label: 'Basket' },
];

const HELP_LINKS: FooterLink[] = HELP_TOPICS.map((topic) => ({
  to: `/help/${topic.slug}`,
  label: topic.title,
}));

export function Footer() {
  // The same (cached) category tree as the header's bar: the footer never lists a stale set.
  const { data: categories } = useCategories();
  const { data: pricing } = usePricing();
  const shopLinks: FooterLink[] = [
    { to: '/shop', label: 'All products' },
    ...(categories ?? []).map((c) => ({ to: shopHref({ category: c.slug }), label: c.name })),
  ];
  return (
    <footer className="mt-16 border-t border-stone-200 bg-stone-900 text-stone-200">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <p className="text-lg font-bold text-white">
            <span aria-hidden="true">🍜 </span>MenusKart
          </p>
          <p className="mt-2 text-sm text-stone-300">
            Dishes cooked fresh and groceries for your own kitchen, delivered to your door.
          </p>
          {pricing && (
            <p className="mt-2 text-sm text-stone-300">
              {pricing.prices_include_tax
                ? 'All prices include VAT.'
                : 'Prices exclude tax, which is added in the basket.'}
            </p>
          )}
        </div>
        <FooterLinks title="Shop" links={shopLinks} />
        <FooterLinks title="Your account" links={ACCOUNT_LINKS} />
        <FooterLinks title="Help" links={HELP_LINKS} />
      </div>
      <p className="border-t border-stone-800 py-4 text-center text-xs text-stone-400">
        © {new Date().getFullYear()} MenusKart · Open-source e-commerce
      </p>
    </footer>
  );
}
