/**
 * The shop listing's state lives in the URL (shareable, and the back button works):
 * `/shop?q=&category=&min_price=&max_price=&in_stock=&attr.spice=&sort=&page=`.
 * Prices in the URL are minor units, like the API's.
 */
export type SortKey = 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'name';

export const SORT_OPTIONS: { value: SortKey; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'name', label: 'Name: A to Z' },
];

export interface ShopFilters {
  q: string;
  category: string;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean;
  attributes: Record<string, string>;
  sort: SortKey | null;
  page: number;
}

export const PER_PAGE = 12;

function wholeNumber(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

function isSort(raw: string | null): raw is SortKey {
  return SORT_OPTIONS.some((o) => o.value === raw);
}

export function parseShopParams(params: URLSearchParams): ShopFilters {
  const attributes: Record<string, string> = {};
  params.forEach((value, key) => {
    if (key.startsWith('attr.') && value) attributes[key.slice(5)] = value;
  });
  const sort = params.get('sort');
  return {
    q: params.get('q')?.trim() ?? '',
    category: params.get('category') ?? '',
    minPrice: wholeNumber(params.get('min_price')),
    maxPrice: wholeNumber(params.get('max_price')),
    inStock: params.get('in_stock') === 'true',
    attributes,
    sort: isSort(sort) ? sort : null,
    page: Math.max(1, wholeNumber(params.get('page')) ?? 1),
  };
}

export function toShopParams(filters: ShopFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.category) params.set('category', filters.category);
  if (filters.minPrice !== null) params.set('min_price', String(filters.minPrice));
  if (filters.maxPrice !== null) params.set('max_price', String(filters.maxPrice));
  if (filters.inStock) params.set('in_stock', 'true');
  Object.entries(filters.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .forEach(([name, value]) => params.set(`attr.${name}`, value));
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The shop URL for these filters. */
export function shopHref(filters: Partial<ShopFilters> = {}): string {
  const query = toShopParams({ ...EMPTY_FILTERS, ...filters }).toString();
  return query ? `/shop?${query}` : '/shop';
}

export const EMPTY_FILTERS: ShopFilters = {
  q: '',
  category: '',
  minPrice: null,
  maxPrice: null,
  inStock: false,
  attributes: {},
  sort: null,
  page: 1,
};

export type AttributeQuery = { [key: `attr.${string}`]: string };

/** The query string of GET /products (or /products/search with `query`). */
export function toApiQuery(filters: ShopFilters) {
  const attrs: AttributeQuery = {};
  Object.entries(filters.attributes).forEach(([name, value]) => {
    attrs[`attr.${name}`] = value;
  });
  // Without a search, "best match" means nothing: list the newest first.
  const sort = filters.sort ?? (filters.q ? 'relevance' : 'newest');
  return {
    ...(filters.q ? { query: filters.q } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.minPrice !== null ? { min_price: filters.minPrice } : {}),
    ...(filters.maxPrice !== null ? { max_price: filters.maxPrice } : {}),
    ...(filters.inStock ? { in_stock: true } : {}),
    sort: !filters.q && sort === 'relevance' ? 'newest' : sort,
    page: filters.page,
    per_page: PER_PAGE,
    ...attrs,
  };
}

/** How many filters narrow the listing (the search text and the sort are not filters). */
export function activeFilterCount(filters: ShopFilters): number {
  return (
    (filters.category ? 1 : 0) +
    (filters.minPrice !== null || filters.maxPrice !== null ? 1 : 0) +
    (filters.inStock ? 1 : 0) +
    Object.keys(filters.attributes).length
  );
}
