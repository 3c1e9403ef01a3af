import { describe, expect, it } from 'vitest';
import { activeFilterCount, parseShopParams, shopHref, toApiQuery, toShopParams } from './shopParams';

describe('shop URL state', () => {
  it('reads every filter from the query string', () => {
    const filters = parseShopParams(
      new URLSearchParams(
        'q=noodles&category=dishes&min_price=500&max_price=1200&in_stock=true&attr.spice=hot&sort=price_asc&page=2',
      ),
    );
    expect(filters).toEqual({
      q: 'noodles',
      category: 'dishes',
      minPrice: 500,
      maxPrice: 1200,
      inStock: true,
      attributes: { spice: 'hot' },
      sort: 'price_asc',
      page: 2,
    });
  });

  it('ignores values it cannot use', () => {
    const filters = parseShopParams(new URLSearchParams('min_price=cheap&sort=random&page=-3'));
    expect(filters.minPrice).toBeNull();
    expect(filters.sort).toBeNull();
    expect(filters.page).toBe(1);
  });

  it('round-trips through the URL', () => {
    const query = 'attr.spice=mild&attr.vegan=true&category=curries&in_stock=true&page=3';
    const again = toShopParams(parseShopParams(new URLSearchParams(query)));
    expect(parseShopParams(again)).toEqual(parseShopParams(new URLSearchParams(query)));
  });

  it('builds short links', () => {
    expect(shopHref()).toBe('/shop');
    expect(shopHref({ category: 'noodles' })).toBe('/shop?category=noodles');
  });
});

describe('API query', () => {
  it('passes attributes as attr.<name> and defaults the sort', () => {
    const query = toApiQuery(parseShopParams(new URLSearchParams('attr.spice=hot&max_price=1200')));
    expect(query).toMatchObject({ 'attr.spice': 'hot', max_price: 1200, sort: 'newest', page: 1 });
    expect(query).not.toHaveProperty('query');
  });

  it('searches by relevance when there is a query', () => {
    const query = toApiQuery(parseShopParams(new URLSearchParams('q=curry')));
    expect(query).toMatchObject({ query: 'curry', sort: 'relevance' });
  });
});

describe('activeFilterCount', () => {
  it('counts filters, not the search or the sort', () => {
    expect(activeFilterCount(parseShopParams(new URLSearchParams('q=tea&sort=name')))).toBe(0);
    expect(
      activeFilterCount(
        parseShopParams(new URLSearchParams('category=drinks&min_price=100&max_price=900&attr.vegan=true')),
      ),
    ).toBe(3);
  });
});
