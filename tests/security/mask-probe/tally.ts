/** What each candidate character got back. */
export type CandidateAnswers = Map<string, string>;

/**
 * A family of guesses recovers the hidden character when the answer for the true character
 * differs from the answer for some wrong one (hit against miss, or another error).
 */
export function recovers(truth: string, answers: CandidateAnswers): boolean {
  const own = answers.get(truth);
  if (own === undefined) return false;
  return [...answers].some(([c, sig]) => c !== truth && sig !== own);
}

export class ProbeTally {
  attempts = 0;
  readonly recovered: string[] = [];

  add(label: string, truth: string, answers: CandidateAnswers): void {
    this.attempts += answers.size;
    if (recovers(truth, answers)) this.recovered.push(label);
  }
}
