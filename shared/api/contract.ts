import type { z } from 'zod';
import { coreMethods } from './methods/core';
import { syncMethods } from './methods/sync';
import { complaintMethods } from './methods/complaints';
import { dashboardMethods } from './methods/dashboard';
import { queueMethods } from './methods/queue';
import { authMethods } from './methods/auth';
import { operationsMethods } from './methods/operations';
import { stationMethods } from './methods/station';
import { idReaderMethods } from './methods/id-reader';
import { appointmentMethods } from './methods/appointments';
import { customerMethods } from './methods/customers';
import { appMethods } from './methods/app';
import { eventsMethods } from './methods/events';
import { alertMethods } from './methods/alerts';
import { requestMethods } from './methods/requests';
import { sensitiveMethods } from './methods/sensitive';
import { customerUpdateMethods } from './methods/customer-update';

/**
 * The one API contract: every method the renderer may call, with its input and output schema,
 * composed from one table per area (shared/api/methods/*). The dispatcher, the IPC binding and
 * the HTTP binding are all derived from it. Add a method to its area's table first; the compiler
 * then asks for its handler.
 */
export const contract = {
  ...coreMethods,
  ...syncMethods,
  ...complaintMethods,
  ...dashboardMethods,
  ...queueMethods,
  ...authMethods,
  ...operationsMethods,
  ...stationMethods,
  ...idReaderMethods,
  ...appointmentMethods,
  ...customerMethods,
  ...appMethods,
  ...eventsMethods,
  ...alertMethods,
  ...requestMethods,
  ...sensitiveMethods,
  ...customerUpdateMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const isMethodName = (name: string): name is MethodName =>
  Object.prototype.hasOwnProperty.call(contract, name);
