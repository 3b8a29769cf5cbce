import { createBrowserRouter } from 'react-router';
import { FullPageSpin } from './components/FullPageSpin';
import { MODULES } from './modules';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { RouteErrorPage } from './pages/errors/RouteErrorPage';
import { LoginPage } from './pages/login/LoginPage';
import { HomeRedirect } from './session/HomeRedirect';
import { RequireCapability } from './session/RequireCapability';
import { SignedInApp } from './session/SignedInApp';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: <SignedInApp />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...MODULES.map((module) => ({
        element: <RequireCapability capability={module.capability} />,
        errorElement: <RouteErrorPage />,
        children: module.routes,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
