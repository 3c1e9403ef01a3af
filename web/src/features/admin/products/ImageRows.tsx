import { Button } from '../../../components/Button';
import { inputClasses } from '../../../components/TextField';

interface ImageRowsProps {
  images: string[];
  onChange: (images: string[]) => void;
  error?: string | undefined;
}

/** Image addresses (the shop shows the first); one labelled URL field per image. */
export function ImageRows({ images, onChange, error }: ImageRowsProps) {
  return (
    <fieldset aria-describedby={error ? 'images-error' : undefined}>
      <legend className="mb-1 text-sm font-medium text-stone-800">Images (by URL)</legend>
      <ul className="space-y-2">
        {images.map((url, i) => (
          <li key={i} className="flex items-center gap-2">
            <input
              type="url"
              aria-label={`Image ${i + 1} URL`}
              className={`${inputClasses} !w-auto min-w-0 flex-1`}
              value={url}
              placeholder="https://…"
              onChange={(e) => onChange(images.map((u, j) => (j === i ? e.target.value : u)))}
            />
            <Button
              variant="ghost"
              size="sm"
              onClick={() => onChange(images.filter((_, j) => j !== i))}
              aria-label={`Remove image ${i + 1}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <Button variant="secondary" size="sm" className="mt-2" onClick={() => onChange([...images, ''])}>
        Add image
      </Button>
      {error && (
        <p id="images-error" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
