import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, formatAttributeValue, parseAttributeValue, toInput } from './productDraft';

describe('attribute values', () => {
  it('are typed like the catalog stores them', () => {
    expect(parseAttributeValue('hot')).toBe('hot');
    expect(parseAttributeValue('true')).toBe(true);
    expect(parseAttributeValue('250')).toBe(250);
    expect(parseAttributeValue('peanuts, egg')).toEqual(['peanuts', 'egg']);
  });

  it('read back as typed', () => {
    expect(formatAttributeValue(['peanuts', 'egg'])).toBe('peanuts, egg');
    expect(formatAttributeValue(true)).toBe('true');
  });
});

describe('toInput', () => {
  const valid = {
    ...EMPTY_DRAFT,
    name: ' Tom Yum Soup ',
    price: '9.90',
    category: 'soups',
    images: ['https://img.example/tom-yum.jpg', ''],
    attributes: [
      { key: 'spice', value: 'hot' },
      { key: '', value: '' },
    ],
  };

  it('builds the API body in minor units', () => {
    const result = toInput(valid, 'EUR');
    expect(result).toEqual({
      input: {
        name: 'Tom Yum Soup',
        description: '',
        price: 990,
        category: 'soups',
        brand: null,
        images: ['https://img.example/tom-yum.jpg'],
        attributes: { spice: 'hot' },
        status: 'active',
      },
    });
  });

  it('carries the status the owner chose', () => {
    const result = toInput({ ...valid, status: 'draft' }, 'EUR');
    expect('input' in result && result.input.status).toBe('draft');
  });

  it('names each problem', () => {
    const result = toInput(
      {
        ...valid,
        name: '',
        price: 'cheap',
        images: ['ftp://x'],
        attributes: [{ key: 'Spice Level', value: 'hot' }],
      },
      'EUR',
    );
    expect('errors' in result && result.errors).toMatchObject({
      name: expect.any(String),
      price: expect.any(String),
      images: expect.any(String),
      attributes: expect.stringContaining('Spice Level'),
    });
  });
});
