import type { CandidateAnswers } from './tally';
import { CANDIDATES, headVariants, tailVariants, type Variant } from './variants';

/** A seeded customer whose full phone and ID the attacker tries to learn. */
export interface Target {
  id: string;
  appNo: string;
  mobile: string;
  idNumber: string;
}

export type ValueKind = 'mobile' | 'idNumber';

/**
 * One way to ask: sends the query for a target and says what came back, as a short signature
 * ('hit', 'miss' or an error code). undefined: this method cannot take this kind of value.
 */
export type Ask = (
  query: string,
  target: Target,
  kind: ValueKind,
) => Promise<string | undefined> | string | undefined;

/** The masks show 3 leading and 4 trailing characters of both a phone and an ID number. */
const HEAD = 3;
const TAIL = 4;

/** The two hidden positions next to what the mask shows, each with its guesses. */
export function families(value: string): { position: number; variants: Variant[] }[] {
  const hidden = value.length - HEAD - TAIL;
  const head = value.slice(0, HEAD);
  const tail = value.slice(-TAIL);
  return [
    { position: HEAD, variants: headVariants(head, hidden - 1, tail) },
    { position: value.length - TAIL - 1, variants: tailVariants(tail) },
  ];
}

/**
 * Asks every variant with every candidate for one hidden position; returns the answers by
 * candidate. The true character is the value's own at that position.
 */
export async function askAll(
  ask: Ask,
  target: Target,
  kind: ValueKind,
  /** Only these variants (by name): a sample. */
  only?: readonly string[],
): Promise<{ label: string; truth: string; answers: CandidateAnswers }[]> {
  const value = target[kind];
  const out: { label: string; truth: string; answers: CandidateAnswers }[] = [];
  for (const family of families(value)) {
    for (const variant of family.variants) {
      if (only && !only.includes(variant.name)) continue;
      const answers: CandidateAnswers = new Map();
      for (const c of CANDIDATES) {
        const sig = await ask(variant.query(c), target, kind);
        if (sig !== undefined) answers.set(c, sig);
      }
      if (answers.size === 0) continue;
      out.push({
        label: `${kind}@${family.position} ${variant.name}`,
        truth: value.charAt(family.position),
        answers,
      });
    }
  }
  return out;
}
