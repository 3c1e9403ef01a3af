/**
 * The header's product search: an ARIA 1.2 combobox. Typing shows up to six suggestions
 * (debounced /products/search); arrow keys move through them, Enter opens the highlighted one
 * or searches the shop for the text, Escape closes the list.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { formatMoney } from '../../lib/money';
import { useSuggestions } from './api';
import { shopHref } from './shopParams';

interface SearchBoxProps {
  initialQuery?: string;
  className?: string;
}

export function SearchBox({ initialQuery = '', className = '' }: SearchBoxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const navigate = useNavigate();
  const [text, setText] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebouncedValue(text, 250);
  const suggestions = useSuggestions(debounced);
  const items = open && debounced.trim().length >= 2 ? (suggestions.data?.items ?? []) : [];
  const expanded = items.length > 0;

  function go(href: string, { clear = false } = {}) {
    if (clear) setText('');
    setOpen(false);
    setActive(-1);
    void navigate(href);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const chosen = active >= 0 ? items[active] : undefined;
    if (chosen) {
      go(`/p/${chosen.slug}`, { clear: true });
      return;
    }
    go(shopHref({ q: text.trim() }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (items.length ? (i + 1) % items.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (items.length ? (i <= 0 ? items.length - 1 : i - 1) : -1));
    } else if (event.key === 'Escape') {
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <form role="search" onSubmit={onSubmit} className={`relative ${className}`}>
      <label htmlFor={id} className="sr-only">
        Search products
      </label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder="Search dishes and groceries"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        className="w-full rounded-full border border-stone-400 bg-white py-2 pr-10 pl-4 text-stone-900 placeholder:text-stone-500 focus:border-orange-700"
      />
      <button
        type="submit"
        className="absolute top-1/2 right-1 -translate-y-1/2 rounded-full p-2 text-stone-700 hover:text-orange-800"
      >
        <span aria-hidden="true">🔍</span>
        <span className="sr-only">Search</span>
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute top-full right-0 left-0 z-30 mt-1 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-lg"
      >
        {items.map((product, index) => (
          <li
            key={product.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: it comes before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              go(`/p/${product.slug}`, { clear: true });
            }}
            onMouseEnter={() => setActive(index)}
            className={`flex cursor-pointer items-center justify-between gap-3 px-4 py-2 text-sm ${
              index === active ? 'bg-orange-50 text-orange-900' : 'text-stone-900'
            }`}
          >
            <span className="truncate">{product.name}</span>
            <span className="shrink-0 text-stone-600">{formatMoney(product.price, product.currency)}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
