/**
 * What a number box holds for the form: null when empty, the number when the text is one
 * (half- or full-width digits), otherwise the text itself so the field check can say "应为数字".
 * Never rounded, never clamped: a value out of range is the check's to report, not ours to fix.
 */
export function parseTypedNumber(text: string): number | string | null {
  const normal = text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim();
  if (normal === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return text;
  const n = Number(normal);
  return Number.isFinite(n) ? n : text;
}
