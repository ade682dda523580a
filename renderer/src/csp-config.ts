import { z } from 'zod';

// Zod probes `new Function('')` to compile fast parsers; under our CSP (no unsafe-eval) that probe
// is itself reported as a violation. Jitless mode skips the probe and parses without eval.
z.config({ jitless: true });
