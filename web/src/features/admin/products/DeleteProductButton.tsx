import type { Product } from '../../../api/types';
import type { ButtonSize } from '../../../components/buttonClasses';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useDeleteProduct } from './api';

interface DeleteProductButtonProps {
  product: Pick<Product, 'id' | 'name'>;
  size?: ButtonSize;
  onDeleted?: () => void;
}

/** Delete, after a confirmation. */
export function DeleteProductButton({ product, size = 'md', onDeleted }: DeleteProductButtonProps) {
  const remove = useDeleteProduct();
  return (
    <ConfirmButton
      label="Delete"
      ariaLabel={`Delete ${product.name}`}
      variant="danger"
      size={size}
      title={`Delete ${product.name}?`}
      confirmLabel="Delete product"
      action={remove}
      run={(done) =>
        remove.mutate(product.id, {
          onSuccess: () => {
            done();
            onDeleted?.();
          },
        })
      }
    >
      The product leaves the shop at once. This cannot be undone.
    </ConfirmButton>
  );
}
