import type { components } from '../../api/schema';
import { attributeLabel, capitalize, inScaleOrder } from '../../lib/attributeNames';

type AttributeFacet = components['schemas']['AttributeFacet'];

/** A filter the shop offers for one attribute: `attr.<name>=<value>` on the listing. */
export interface AttributeFilter {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

/** More choices than this is not a filter but a description (sizes, weights). */
const MAX_OPTIONS = 6;

/**
 * The filters worth offering from the catalog's attribute facets (`GET /attributes`):
 * yes/no attributes become one checkbox ("Vegan only"); a handful of words shared by several
 * products (spice: mild, medium, hot, in the scale's order) become choices. Numbers, and values that each describe
 * one product, are left out: nobody filters on "400 ml".
 */
export function attributeFilters(facets: AttributeFacet[]): AttributeFilter[] {
  return facets.flatMap((facet) => {
    const label = attributeLabel(facet.name);
    const values = facet.values.map((v) => v.value);
    if (values.every((v) => v === 'true' || v === 'false')) {
      return values.includes('true')
        ? [{ name: facet.name, label, options: [{ value: 'true', label: `${label} only` }] }]
        : [];
    }
    const shared = facet.values.some((v) => v.count >= 2);
    const words = values.every((v) => Number.isNaN(Number(v)));
    if (!shared || !words || values.length < 2 || values.length > MAX_OPTIONS) return [];
    return [
      {
        name: facet.name,
        label,
        options: inScaleOrder(values).map((value) => ({ value, label: capitalize(value) })),
      },
    ];
  });
}
