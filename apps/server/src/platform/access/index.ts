export { actorCan } from './actor.js';
export type { Actor } from './actor.js';
export { PUBLIC_PREFIXES, PUBLIC_ROUTES } from './public-routes.js';
export { scopeOf, writeScopeOf } from './scope.js';
export type { Scope } from './scope.js';
