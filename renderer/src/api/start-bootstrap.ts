// Imported first by main.ts, for its side effect: evaluated before any other module of the
// app, so the start-up call is on its way while the rest is still being evaluated.
import { startEarlyBootstrap } from './early-bootstrap';

startEarlyBootstrap();
