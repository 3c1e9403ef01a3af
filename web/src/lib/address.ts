import { postcodeProblem } from './postcode';

/** A postal address as the forms edit it (every field a string), and its checks. */
export interface AddressValue {
  name: string;
  line1: string;
  line2: string;
  city: string;
  postal_code: string;
  country: string;
}

export type AddressProblems = Partial<Record<keyof AddressValue, string>>;

/** The fields in the order a form shows them (and lists their problems). */
export const ADDRESS_FIELDS: readonly (keyof AddressValue)[] = [
  'name',
  'line1',
  'line2',
  'postal_code',
  'city',
  'country',
];

/** The id of an address form's field, so an error summary can link to it. */
export const addressFieldId = (form: string, field: keyof AddressValue) => `${form}-${field}`;

/** The problems in the order of the fields, each with the id of its field in `form`. */
export function addressProblemList(form: string, problems: AddressProblems) {
  return ADDRESS_FIELDS.flatMap((field) => {
    const message = problems[field];
    return message ? [{ fieldId: addressFieldId(form, field), message }] : [];
  });
}

export const EMPTY_ADDRESS: AddressValue = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postal_code: '',
  country: 'DE',
};

export function addressProblems(address: AddressValue, { needName = true } = {}): AddressProblems {
  const problems: AddressProblems = {};
  if (needName && !address.name.trim()) problems.name = 'Enter the name for the delivery.';
  if (!address.line1.trim()) problems.line1 = 'Enter the street and house number.';
  if (!address.city.trim()) problems.city = 'Enter the town or city.';
  const postcode = postcodeProblem(address.country, address.postal_code);
  if (postcode) problems.postal_code = postcode;
  if (!address.country) problems.country = 'Choose the country.';
  return problems;
}
