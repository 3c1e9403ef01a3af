/**
 * The admin section: its own chunk, loaded only when an /admin address is opened. The token's
 * roles decide what is shown; the API refuses non-admins whatever the screen shows.
 */
import { Route, Routes } from 'react-router';
import { useSession } from '../../auth/useSession';
import { NotFound } from '../../app/NotFound';
import { AdminLayout } from './AdminLayout';
import { NotAllowed } from './NotAllowed';
import { AuditLogPage } from './audit/AuditLogPage';
import { CampaignProgress } from './campaigns/CampaignProgress';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { DeliveryAdmin } from './delivery/DeliveryAdmin';
import { CategoriesPage } from './categories/CategoriesPage';
import { OrdersAdmin } from './orders/OrdersAdmin';
import { OverviewPage } from './overview/OverviewPage';
import { AdminOrderPage } from './orders/AdminOrderPage';
import { PeoplePage } from './people/PeoplePage';
import { ProductCreatePage } from './products/ProductCreatePage';
import { ProductEditPage } from './products/ProductEditPage';
import { ProductsPage } from './products/ProductsPage';

export function AdminApp() {
  const { signedIn, isAdmin } = useSession();
  if (!isAdmin) return <NotAllowed signedIn={signedIn} />;
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<OverviewPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="products/new" element={<ProductCreatePage />} />
        <Route path="products/:productId" element={<ProductEditPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="orders" element={<OrdersAdmin />} />
        <Route path="orders/:orderId" element={<AdminOrderPage />} />
        <Route path="delivery" element={<DeliveryAdmin />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:campaignId" element={<CampaignProgress />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
