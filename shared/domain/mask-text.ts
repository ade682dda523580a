import { maskIdNumber, maskMiddle, maskMobile } from './mask';

/**
 * Free text (a guide's note, a kiosk note, a complaint, an application's remarks) is typed by
 * people who sometimes write a phone or ID number into it. Shown on a screen or on paper, such
 * numbers are masked like the fields they belong in; the stored text is untouched.
 *
 * What counts as a number here: a run of digits (single spaces or hyphens between groups
 * allowed, an optional +86 in front, an ID's final X) not glued to other letters or digits.
 * Runs of 7 digits or more are masked: shorter ones are amounts, dates' parts, counts, kVA.
 */
const NUMBER_RUN = /(?<![0-9A-Za-z])(?:\+?86[ -]?)?\d(?:[ -]?\d){6,}(?:[ -]?[Xx])?(?![0-9A-Za-z])/g;

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const RESIDENT_ID = /^\d{17}[\dX]$|^\d{15}$/;
/** "2026-12-01" is a date, not a number to hide. */
const DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

function maskRun(run: string): string {
  if (DATE.test(run)) return run;
  const compact = run.replace(/[ -]/g, '').toUpperCase();
  if (MOBILE.test(compact)) return maskMobile(compact.replace(/^\+?86(?=1\d{10}$)/, ''));
  if (RESIDENT_ID.test(compact)) return maskIdNumber(compact);
  // Anything else this long (a landline, a bank card, a permit number): first 3 and last 2 stay.
  return maskMiddle(compact, 3, 2);
}

/** The text with every phone-, ID- or card-like number in it masked. */
export function maskNumbersInText(text: string): string {
  return text.replace(NUMBER_RUN, maskRun);
}
