import { z } from 'zod';
import type { Catalogue } from '../catalogue/types';
import {
  ApplicationDetailSchema,
  ApplicationInputSchema,
  IdInputSchema,
  ListQuerySchema,
  ListResultSchema,
  ReceiptSchema,
} from './schemas';

const Empty = z.object({}).strict();

/**
 * The one API contract: every method the renderer may call, with its input and output schema.
 * The dispatcher, the IPC binding and the HTTP binding are all derived from this table.
 * Add a method here first; the compiler then asks for its handler.
 */
export const contract = {
  'system.info': {
    input: Empty,
    output: z.object({
      appVersion: z.string(),
      hallName: z.string(),
      stationCode: z.string(),
      transport: z.enum(['ipc', 'http']),
      catalogueVersion: z.string(),
    }),
  },
  'catalogue.get': {
    input: Empty,
    output: z.custom<Catalogue>((v) => typeof v === 'object' && v !== null && 'types' in v),
  },
  'applications.saveDraft': { input: ApplicationInputSchema, output: ApplicationDetailSchema },
  'applications.submit': { input: ApplicationInputSchema, output: ApplicationDetailSchema },
  'applications.list': { input: ListQuerySchema, output: ListResultSchema },
  'applications.get': { input: IdInputSchema, output: ApplicationDetailSchema },
  /** Full field values of a draft, for editing it again at the counter. */
  'applications.openDraft': { input: IdInputSchema, output: ApplicationDetailSchema },
  'applications.receipt': { input: IdInputSchema, output: ReceiptSchema },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const isMethodName = (name: string): name is MethodName =>
  Object.prototype.hasOwnProperty.call(contract, name);
