// Imported first by main.ts, for its side effect: evaluated before any other module of the
// app, so the start-up call (and a start at the list, its first page) is on its way while the
// rest is still being evaluated.
// zod's jitless setting (its eval probe is a CSP violation) is made by public/zod-jitless.js, a
// classic script that runs before any module: zod itself is not in the entry chunk.
import { startEarlyBootstrap } from './early-bootstrap';
import { startEarlyFirstPage } from './early-first-page';

startEarlyBootstrap();
startEarlyFirstPage();
