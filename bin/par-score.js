#!/usr/bin/env node
// Thin shim: all logic lives in the bundled CLI (built by `npm run build`, run by `prepare`).
import { main } from '../dist/cli.js';

main(process.argv.slice(2));
