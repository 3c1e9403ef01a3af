import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { SearchBox } from './SearchBox';

function product(name: string, slug: string) {
  return {
    id: slug,
    slug,
    name,
    description: '',
    price: 1190,
    currency: 'EUR',
    category: 'noodles',
    attributes: {},
    images: [],
    rating: null,
    review_count: 0,
    created_at: '',
    updated_at: '',
  };
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderSearch() {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const query = url.searchParams.get('query') ?? '';
    const items = [product('Pad Thai', 'pad-thai'), product('Pho Bo', 'pho-bo')].filter((p) =>
      p.name.toLowerCase().startsWith(query.toLowerCase().slice(0, 1)),
    );
    return new Response(JSON.stringify({ items, total: items.length, page: 1, per_page: 6 }), {
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter(
    [
      {
        path: '*',
        element: (
          <>
            <SearchBox />
            <Where />
          </>
        ),
      },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { fetch };
}

afterEach(() => vi.unstubAllGlobals());

describe('SearchBox', () => {
  it('suggests products while typing and opens the one chosen with the keyboard', async () => {
    const user = userEvent.setup();
    const { fetch } = renderSearch();
    const box = screen.getByRole('combobox', { name: 'Search products' });

    await user.type(box, 'p');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.type(box, 'h');

    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Pad Thai€11.90', 'Pho Bo€11.90']);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    // Debounced: one request for "ph", none for "p".
    expect(fetch).toHaveBeenCalledTimes(1);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Enter}');
    expect(screen.getByTestId('where')).toHaveTextContent('/p/pho-bo');
  });

  it('searches the shop for the text on Enter, and Escape closes the list', async () => {
    const user = userEvent.setup();
    renderSearch();
    const box = screen.getByRole('combobox', { name: 'Search products' });

    await user.type(box, 'pad');
    await screen.findAllByRole('option');
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard('{Enter}');
    expect(screen.getByTestId('where')).toHaveTextContent('/shop?q=pad');
  });
});
