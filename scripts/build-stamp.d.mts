// Types for scripts/build-stamp.mjs (plain JS so that `npm start` runs before `npm ci`).
export declare const BUILD_INPUTS: readonly string[];
export declare const BUILD_OUTPUTS: readonly string[];
export declare const STAMP_FILE: string;
export declare function sourceFingerprint(root: string, inputs?: readonly string[]): string;
export declare function buildIsFresh(root: string, fingerprint?: string): boolean;
export declare function writeStamp(root: string, fingerprint: string): void;
