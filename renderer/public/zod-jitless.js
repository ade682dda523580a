// Runs before the app's modules (a classic script; modules are deferred). Zod decides whether to
// compile parsers with eval when a schema is built, and its eval probe is itself a violation of
// the page's CSP (no unsafe-eval). Since screens are split into chunks, schemas are built in a
// shared chunk before any app module could call z.config, so the setting is made here, on the
// global zod reads its config from.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
