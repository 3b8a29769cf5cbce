/**
 * Every route that answers without a signed-in user. A route not listed here demands a session, and
 * the server refuses to start if a listed route and its declaration disagree. Keep this list short.
 */
export const PUBLIC_ROUTES: readonly string[] = [
  'GET /api/health',
  'GET /api/v1/openapi.json',
  'POST /api/v1/auth/login',
  // The portal's publications: published ones only (modules/publications, PUBLIC_REACH).
  'GET /api/v1/public/publications',
  'GET /api/v1/public/publications/:id',
  'GET /api/v1/public/publications/:id/files/:fileId',
  // The portal (modules/portal): approved projects, public reports and photos, donors as they chose.
  'GET /api/v1/public/organizations',
  'GET /api/v1/public/organizations/:id',
  'GET /api/v1/public/organizations/:id/disclosures',
  'GET /api/v1/public/projects',
  'GET /api/v1/public/projects/:id',
  'GET /api/v1/public/projects/:id/photos/:fileId',
  'POST /api/v1/public/receipts/verify',
  // Open data (modules/opendata): approved projects, their money, donors as they chose; no personal data.
  'GET /api/v1/public/opendata/iati.xml',
  'GET /api/v1/public/opendata/360giving.json',
  'GET /api/v1/public/opendata/360giving.csv',
];

/** Documentation and the web app's static files: served to anyone, outside the API. */
export const PUBLIC_PREFIXES: readonly string[] = ['/api/v1/docs'];
