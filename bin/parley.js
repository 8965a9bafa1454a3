#!/usr/bin/env node
// The compiled CLI (npm ci runs `prepare`, which builds dist/).
import { timedAsync } from '../dist/src/model/timing.js';

const { main } = await timedAsync('import the CLI', () => import('../dist/src/cli/main.js'));
await main();
