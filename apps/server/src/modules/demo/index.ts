export { DEMO_PASSWORD, DEMO_USERS } from './networks.js';
export { seedDemo } from './seed.js';
export type { DemoLogin, DemoReport } from './seed.js';
