import { Link } from 'react-router';
import type { Category } from '../../api/types';
import { categoryVisual } from '../../lib/categoryVisuals';
import { shopHref } from './shopParams';

/** The category tree as navigation: each top category with its sub-categories. */
export function CategoryTree({ categories }: { categories: Category[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {categories.map((category) => {
        const visual = categoryVisual(category.slug);
        return (
          <li key={category.slug} className={`rounded-2xl bg-gradient-to-br ${visual.gradient} p-5`}>
            <Link
              to={shopHref({ category: category.slug })}
              className="flex items-center gap-3 text-xl font-bold text-stone-900 hover:underline"
            >
              <span aria-hidden="true" className="text-3xl">
                {visual.emoji}
              </span>
              {category.name}
            </Link>
            {category.children.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-2">
                {category.children.map((child) => (
                  <li key={child.slug}>
                    <Link
                      to={shopHref({ category: child.slug })}
                      className="inline-block rounded-full bg-white/80 px-3 py-1 text-sm font-medium text-stone-800 hover:bg-white hover:text-orange-900"
                    >
                      {child.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
