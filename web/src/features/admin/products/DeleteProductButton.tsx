import { useRef } from 'react';
import type { Product } from '../../../api/types';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/Button';
import type { ButtonSize } from '../../../components/buttonClasses';
import { useDeleteProduct } from './api';

interface DeleteProductButtonProps {
  product: Pick<Product, 'id' | 'name'>;
  size?: ButtonSize;
  onDeleted?: () => void;
}

/** Delete, after a confirmation in a modal dialog (focus moves into it; Escape cancels). */
export function DeleteProductButton({ product, size = 'md', onDeleted }: DeleteProductButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = useDeleteProduct();
  const titleId = `delete-${product.id}-title`;

  return (
    <>
      <Button
        variant="danger"
        size={size}
        onClick={() => dialog.current?.showModal()}
        aria-label={`Delete ${product.name}`}
      >
        Delete
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto max-w-sm rounded-2xl p-6 text-left backdrop:bg-stone-900/50"
        onClose={() => remove.reset()}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          Delete {product.name}?
        </h2>
        <p className="mt-2 text-sm text-stone-700">
          The product leaves the shop at once. This cannot be undone.
        </p>
        {remove.isError && (
          <p role="alert" className="mt-2 text-sm font-medium text-red-700">
            {errorMessage(remove.error)}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Keep it
          </Button>
          <Button
            variant="danger"
            busy={remove.isPending}
            onClick={() =>
              remove.mutate(product.id, {
                onSuccess: () => {
                  dialog.current?.close();
                  onDeleted?.();
                },
              })
            }
          >
            Delete product
          </Button>
        </div>
      </dialog>
    </>
  );
}
