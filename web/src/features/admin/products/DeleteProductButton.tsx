import { useState } from 'react';
import type { Product } from '../../../api/types';
import { Button } from '../../../components/Button';
import type { ButtonSize } from '../../../components/buttonClasses';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useDeleteProduct } from './api';

interface DeleteProductButtonProps {
  product: Pick<Product, 'id' | 'name'>;
  size?: ButtonSize;
  onDeleted?: () => void;
}

/** Delete, after a confirmation. */
export function DeleteProductButton({ product, size = 'md', onDeleted }: DeleteProductButtonProps) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteProduct();
  return (
    <>
      <Button
        variant="danger"
        size={size}
        onClick={() => setOpen(true)}
        aria-label={`Delete ${product.name}`}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${product.name}?`}
        confirmLabel="Delete product"
        cancelLabel="Keep it"
        danger
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(product.id, {
            onSuccess: () => {
              setOpen(false);
              onDeleted?.();
            },
          })
        }
      >
        The product leaves the shop at once. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
