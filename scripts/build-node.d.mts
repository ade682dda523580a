// Types for scripts/build-node.mjs (plain JS, run by `npm run build`).
export declare const NODE_ENTRIES: Readonly<Record<string, string>>;
export declare function buildNodeEntries(options?: {
  outdir?: string;
  entries?: Record<string, string>;
}): Promise<void>;
