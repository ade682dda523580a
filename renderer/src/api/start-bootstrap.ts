// Imported first by main.ts, for its side effect: evaluated before any other module of the
// app, so the start-up call (and a start at the list, its first page) is on its way while the
// rest is still being evaluated.
// zod's jitless setting before anything parses (the client checks answers): without it zod's
// eval probe is a CSP violation.
import '../csp-config';
import { startEarlyBootstrap } from './early-bootstrap';
import { startEarlyFirstPage } from './early-first-page';

startEarlyBootstrap();
startEarlyFirstPage();
