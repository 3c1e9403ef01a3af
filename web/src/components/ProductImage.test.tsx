import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProductImage } from './ProductImage';

describe('ProductImage', () => {
  it("shows the category's tile instead of a broken image", () => {
    const { container } = render(
      <ProductImage name="Pad Thai" category="noodles" images={['https://img.invalid/pad-thai.jpg']} />,
    );
    const image = container.querySelector('img');
    expect(image).not.toBeNull();
    fireEvent.error(image!);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-placeholder-for="Pad Thai"]')).not.toBeNull();
  });
});
