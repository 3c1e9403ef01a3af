/** A delivery method as the admin types it (major units as text), and what the API takes. */
import type { DeliveryMethod } from '../../../api/types';
import { parseMoney, toMajorString } from '../../../lib/money';
import type { DeliveryMethodInput } from '../../delivery/api';

export interface MethodDraft {
  name: string;
  description: string;
  price: string;
  /** Empty: never free. */
  freeAbove: string;
}

export const EMPTY_DRAFT: MethodDraft = { name: '', description: '', price: '', freeAbove: '' };

export function draftOf(method: DeliveryMethod): MethodDraft {
  return {
    name: method.name,
    description: method.description,
    price: toMajorString(method.price, method.currency),
    freeAbove: method.free_above == null ? '' : toMajorString(method.free_above, method.currency),
  };
}

export type DraftProblems = Partial<Record<keyof MethodDraft, string>>;

/** The input for the API, or what is wrong with the draft. */
export function parseDraft(
  draft: MethodDraft,
  currency: string,
): { input: DeliveryMethodInput; problems: null } | { input: null; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const name = draft.name.trim();
  if (!name) problems.name = 'Give the method a name';
  const price = parseMoney(draft.price, currency);
  if (price === null) problems.price = 'A price such as 4.90 (0 for free)';
  const freeAbove = draft.freeAbove.trim() === '' ? null : parseMoney(draft.freeAbove, currency);
  if (draft.freeAbove.trim() !== '' && freeAbove === null)
    problems.freeAbove = 'An amount such as 50.00, or empty';
  if (Object.keys(problems).length > 0 || price === null) return { input: null, problems };
  return {
    input: { name, description: draft.description.trim(), price, free_above: freeAbove },
    problems: null,
  };
}
