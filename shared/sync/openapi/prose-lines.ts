/** Markdown prose, one argument per line. */
export const lines = (...text: string[]): string => text.join('\n');
