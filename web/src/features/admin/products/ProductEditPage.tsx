import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageSpinner } from '../../../components/PageSpinner';
import { useProduct } from '../../catalog/api';
import { DeleteProductButton } from './DeleteProductButton';
import { ProductForm } from './ProductForm';
import { StockPanel } from './StockPanel';
import { toDraft } from './productDraft';
import { useReplaceProduct } from './api';

export function ProductEditPage() {
  const { productId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const product = useProduct(productId);
  const replace = useReplaceProduct(productId);
  useDocumentTitle(product.data ? `${product.data.name} · Admin` : 'Product · Admin');

  if (product.isPending) return <PageSpinner label="Loading product" />;
  if (product.error) return <ErrorMessage error={product.error} title="This product did not load." />;
  const p = product.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{p.name}</h1>
          <p className="text-sm text-stone-600">
            <Link to={`/p/${p.slug}`} className="underline">
              /p/{p.slug}
            </Link>
          </p>
        </div>
        <DeleteProductButton product={p} onDeleted={() => void navigate('/admin/products')} />
      </div>
      <div aria-live="polite">
        {(params.get('created') === '1' || replace.isSuccess) && (
          <p className="rounded-lg bg-emerald-50 p-3 text-sm font-medium text-emerald-900">
            {replace.isSuccess ? 'Changes saved.' : 'Product created. Set its stock below.'}
          </p>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="rounded-2xl border border-stone-200 bg-white p-5">
          <ProductForm
            key={p.updated_at}
            initial={toDraft(p)}
            creating={false}
            submitLabel="Save changes"
            saving={replace.isPending}
            error={replace.error}
            onSubmit={(input) => replace.mutate(input)}
          />
        </div>
        <StockPanel productId={p.id} />
      </div>
    </div>
  );
}
