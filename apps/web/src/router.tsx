import { createBrowserRouter } from 'react-router';
import { FullPageSpin } from './components/FullPageSpin';
import { MODULES } from './modules';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { RouteErrorPage } from './pages/errors/RouteErrorPage';
import { LoginPage } from './pages/login/LoginPage';
import { PortalHomePage } from './pages/portal/PortalHomePage';
import { PortalLayout } from './pages/portal/PortalLayout';
import { PortalOrganizationPage } from './pages/portal/PortalOrganizationPage';
import { PortalProjectPage } from './pages/portal/PortalProjectPage';
import { PortalProjectsPage } from './pages/portal/PortalProjectsPage';
import { PortalPublicationPage } from './pages/portal/PortalPublicationPage';
import { PortalPublicationsPage } from './pages/portal/PortalPublicationsPage';
import { PortalReceiptPage } from './pages/portal/PortalReceiptPage';
import { HomeRedirect } from './session/HomeRedirect';
import { RequireCapability } from './session/RequireCapability';
import { SignedInApp } from './session/SignedInApp';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  // The public portal: no session is asked for, so it sits beside the signed-in app, not inside it.
  {
    path: '/portal',
    element: <PortalLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: 'organizations/:id', element: <PortalOrganizationPage /> },
      { path: 'projects', element: <PortalProjectsPage /> },
      { path: 'projects/:id', element: <PortalProjectPage /> },
      { path: 'receipt', element: <PortalReceiptPage /> },
      { path: 'publications', element: <PortalPublicationsPage /> },
      { path: 'publications/:id', element: <PortalPublicationPage /> },
      { path: '*', element: <NotFoundPage home="/portal" /> },
    ],
  },
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
