/** GB 11714 organisation code: 8 body characters and a check character. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Digits count as themselves, letters A–Z as 10–35. */
const valueOf = (c: string): number => {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
};

/** The check character of an 8-character body (11 − Σ mod 11; 10 is X, 11 is 0). */
export function orgCodeCheckChar(body8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = valueOf(body8.charAt(i));
    if (v < 0) return undefined;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Whether a 9-character organisation code's last character matches its body. */
export const isOrgCodeValid = (code9: string): boolean =>
  code9.length === 9 && orgCodeCheckChar(code9.slice(0, 8)) === code9.charAt(8);
