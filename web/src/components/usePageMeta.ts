import { useEffect } from 'react';

/** The description `index.html` gives every page until one says its own. */
const DEFAULT_DESCRIPTION = 'MenusKart: dishes and groceries, delivered.';

function headElement<T extends HTMLElement>(selector: string, create: () => T): T {
  const found = document.head.querySelector<T>(selector);
  if (found) return found;
  const element = create();
  document.head.append(element);
  return element;
}

/**
 * What search engines and link previews read: the page's description (`<meta
 * name="description">`) and its canonical address (`<link rel="canonical">`), the one URL a
 * page is known by whatever filters, sort or tracking its address carries. Both return to the
 * shop's defaults when the page goes.
 */
export function usePageMeta({
  description,
  canonicalPath,
}: {
  description?: string;
  canonicalPath?: string;
}) {
  useEffect(() => {
    const meta = headElement('meta[name="description"]', () =>
      Object.assign(document.createElement('meta'), { name: 'description' }),
    );
    meta.content = description ?? DEFAULT_DESCRIPTION;
    const canonical = canonicalPath
      ? headElement('link[rel="canonical"]', () =>
          Object.assign(document.createElement('link'), { rel: 'canonical' }),
        )
      : null;
    if (canonical && canonicalPath) canonical.href = new URL(canonicalPath, window.location.origin).href;
    return () => {
      meta.content = DEFAULT_DESCRIPTION;
      canonical?.remove();
    };
  }, [description, canonicalPath]);
}
