/**
 * The app's routes. App paths never reuse an API prefix (/products, /cart, /orders, ...): the
 * edge answers those as API and serves index.html for everything else. The one exception is
 * the unsubscribe link of emails: the edge serves this app to a browser that follows it, so
 * the page asks to confirm and only its button unsubscribes. Pages other than the
 * home page are loaded on demand; the admin section is its own chunk.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout } from './RootLayout';
import { RouteError } from './RouteError';
import { NotFound } from './NotFound';
import { HomePage } from '../features/catalog/HomePage';

const page = (path: string, lazy: RouteObject['lazy']): RouteObject => ({
  path,
  lazy,
  errorElement: <RouteError />,
});

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage />, errorElement: <RouteError /> },
      page('shop', async () => ({ Component: (await import('../features/catalog/ShopPage')).ShopPage })),
      page('p/:slug', async () => ({
        Component: (await import('../features/catalog/ProductPage')).ProductPage,
      })),
      page('basket', async () => ({ Component: (await import('../features/cart/BasketPage')).BasketPage })),
      page('checkout', async () => ({
        Component: (await import('../features/checkout/CheckoutPage')).CheckoutPage,
      })),
      page('signin', async () => ({
        Component: (await import('../features/account/SignInPage')).SignInPage,
      })),
      page('signup', async () => ({
        Component: (await import('../features/account/SignUpPage')).SignUpPage,
      })),
      page('account', async () => ({
        Component: (await import('../features/account/AccountPage')).AccountPage,
      })),
      page('account/orders', async () => ({
        Component: (await import('../features/orders/OrdersPage')).OrdersPage,
      })),
      page('account/orders/:orderId', async () => ({
        Component: (await import('../features/orders/OrderPage')).OrderPage,
      })),
      page('forgot-password', async () => ({
        Component: (await import('../features/account/ForgotPasswordPage')).ForgotPasswordPage,
      })),
      page('reset-password', async () => ({
        Component: (await import('../features/account/ResetPasswordPage')).ResetPasswordPage,
      })),
      page('verify-email', async () => ({
        Component: (await import('../features/account/VerifyEmailPage')).VerifyEmailPage,
      })),
      page('notifications/unsubscribe', async () => ({
        Component: (await import('../features/email/UnsubscribePage')).UnsubscribePage,
      })),
      page('help/:topic', async () => ({ Component: (await import('../features/help/HelpPage')).HelpPage })),
      page('admin/*', async () => ({ Component: (await import('../features/admin/AdminApp')).AdminApp })),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
