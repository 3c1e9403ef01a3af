import { useEffect } from 'react';

export const SHOP_NAME = 'MenusKart';

/** Sets `document.title` to "Page · MenusKart" (just "MenusKart" without a page title). */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${SHOP_NAME}` : SHOP_NAME;
  }, [title]);
}
