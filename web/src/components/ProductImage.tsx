import { useState } from 'react';
import { categoryVisual } from '../lib/categoryVisuals';

interface ProductImageProps {
  name: string;
  category: string;
  images?: string[];
  className?: string;
  size?: 'sm' | 'md' | 'lg';
}

const emojiSize = { sm: 'text-3xl', md: 'text-6xl', lg: 'text-8xl' };

/**
 * The product's first image, or a gradient tile with its category's emoji: also when the image
 * fails to load (a broken address shows the tile, never the browser's broken-image icon).
 * Images are decorative next to the product name, so the alt text is empty.
 */
export function ProductImage({
  name,
  category,
  images = [],
  className = '',
  size = 'md',
}: ProductImageProps) {
  const src = images[0];
  const [failed, setFailed] = useState<string | null>(null);
  if (src && failed !== src) {
    return (
      <img
        src={src}
        alt=""
        onError={() => setFailed(src)}
        loading="lazy"
        className={`aspect-[4/3] w-full rounded-xl bg-stone-100 object-cover ${className}`}
      />
    );
  }
  const visual = categoryVisual(category);
  return (
    <div
      aria-hidden="true"
      data-placeholder-for={name}
      className={`relative flex aspect-[4/3] w-full items-center justify-center overflow-hidden rounded-xl bg-gradient-to-br ${visual.gradient} ${className}`}
    >
      <span className={`${emojiSize[size]} drop-shadow-sm`}>{visual.emoji}</span>
    </div>
  );
}
