#!/usr/bin/env node
// Runs the built CLI; `npm run build` (or `npm start`) makes apps/server/dist.
import '../dist/cli/main.js';
