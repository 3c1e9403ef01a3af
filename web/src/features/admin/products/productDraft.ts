/**
 * The product form's state (all strings, as typed) and its conversion to the API's
 * ProductInput. Attribute values are typed the way the catalog stores them: "true"/"false"
 * become booleans, numbers become numbers, a comma-separated list becomes a list.
 */
import type { Product, ProductInput, ProductStatus } from '../../../api/types';
import { parseMoney, toMajorString } from '../../../lib/money';

export interface AttributeRow {
  key: string;
  value: string;
}

export interface ProductDraft {
  name: string;
  slug: string;
  description: string;
  price: string;
  category: string;
  brand: string;
  images: string[];
  attributes: AttributeRow[];
  status: ProductStatus;
}

export type DraftErrors = Partial<
  Record<'name' | 'slug' | 'price' | 'category' | 'images' | 'attributes', string>
>;

export const EMPTY_DRAFT: ProductDraft = {
  name: '',
  slug: '',
  description: '',
  price: '',
  category: '',
  brand: '',
  images: [],
  attributes: [],
  status: 'active',
};

function parseScalar(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

export function parseAttributeValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.includes(',')) {
    return trimmed
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map(parseScalar);
  }
  return parseScalar(trimmed);
}

export function formatAttributeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (value === null || value === undefined) return '';
  return String(value);
}

export function toDraft(product: Product): ProductDraft {
  return {
    name: product.name,
    slug: product.slug,
    description: product.description,
    price: toMajorString(product.price, product.currency),
    category: product.category,
    brand: product.brand ?? '',
    images: [...product.images],
    attributes: Object.entries(product.attributes ?? {}).map(([key, value]) => ({
      key,
      value: formatAttributeValue(value),
    })),
    status: product.status ?? 'active',
  };
}

const KEY = /^[a-z0-9_]{1,50}$/;

/** The draft as the API takes it, its price read in `currency` (the shop's: every product is
 * priced in it, so the input leaves the currency to the shop). */
export function toInput(
  draft: ProductDraft,
  currency: string,
): { input: ProductInput } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!draft.name.trim()) errors.name = 'Enter the product name.';
  if (draft.slug.trim() && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(draft.slug.trim()))
    errors.slug = 'Use lowercase letters, digits and dashes, e.g. pad-thai.';
  const price = parseMoney(draft.price, currency);
  if (price === null) errors.price = 'Enter the price as a number, e.g. 11.90.';
  if (!draft.category) errors.category = 'Choose a category.';
  const images = draft.images.map((url) => url.trim()).filter(Boolean);
  if (images.some((url) => !/^https?:\/\/\S+$/.test(url)))
    errors.images = 'Image addresses must start with https:// or http://.';
  const rows = draft.attributes.filter((row) => row.key.trim() || row.value.trim());
  const badKey = rows.find((row) => !KEY.test(row.key.trim()));
  if (badKey) errors.attributes = `Attribute name "${badKey.key}" must use a–z, 0–9 and _ only.`;
  else if (new Set(rows.map((r) => r.key.trim())).size !== rows.length)
    errors.attributes = 'Each attribute name may appear once.';
  if (Object.keys(errors).length > 0) return { errors };
  const input: ProductInput = {
    name: draft.name.trim(),
    description: draft.description.trim(),
    price: price ?? 0,
    category: draft.category,
    brand: draft.brand.trim() || null,
    images,
    attributes: Object.fromEntries(rows.map((row) => [row.key.trim(), parseAttributeValue(row.value)])),
    status: draft.status,
  };
  if (draft.slug.trim()) input.slug = draft.slug.trim();
  return { input };
}
