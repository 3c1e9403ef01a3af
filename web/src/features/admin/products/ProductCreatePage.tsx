import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { ProductForm } from './ProductForm';
import { EMPTY_DRAFT } from './productDraft';
import { useCreateProduct } from './api';

export function ProductCreatePage() {
  useDocumentTitle('New product · Admin');
  const create = useCreateProduct();
  const navigate = useNavigate();
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">New product</h1>
      <div className="rounded-2xl border border-stone-200 bg-white p-5">
        <ProductForm
          initial={EMPTY_DRAFT}
          creating
          submitLabel="Create product"
          saving={create.isPending}
          error={create.error}
          onSubmit={(input) =>
            create.mutate(input, { onSuccess: (p) => void navigate(`/admin/products/${p.id}?created=1`) })
          }
        />
      </div>
    </div>
  );
}
