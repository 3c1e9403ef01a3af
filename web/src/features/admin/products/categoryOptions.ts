import type { Category } from '../../../api/types';

/** The category tree flattened for a <select>, children indented under their parent. */
export function categoryOptions(tree: Category[] | undefined, depth = 0): { slug: string; label: string }[] {
  return (tree ?? []).flatMap((c) => [
    { slug: c.slug, label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${c.name}` },
    ...categoryOptions(c.children, depth + 1),
  ]);
}
