import { z } from 'zod';
import { Empty } from './core';

/**
 * What the station's ID card reader gave (docs/id-reader.md): the card's own text, for the clerk
 * to check and complete the form with. Personal data: shown masked, never logged.
 */
export const IdCardSchema = z.object({
  name: z.string(),
  /** The 18-character resident ID number as printed on the card. */
  idNumber: z.string(),
  /** The address printed on the card (household registration), as one line. */
  address: z.string(),
  sex: z.enum(['male', 'female']).optional(),
  /** Date of birth, YYYY-MM-DD. */
  birth: z.string().optional(),
});
export type IdCard = z.infer<typeof IdCardSchema>;

/** The 身份证阅读器 at the desk, reached through the services (never from the renderer). */
export const idReaderMethods = {
  'idReader.read': { input: Empty, output: IdCardSchema },
} as const;
