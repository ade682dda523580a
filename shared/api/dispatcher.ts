import type { Role } from './permissions';
import { ApiError, type ApiErrorBody, type ApiResult } from './errors';
import { invalidInput } from './invalid-input';

// Kept here for the callers that name the dispatcher; the station config uses it directly.
export { invalidInput };
import {
  contract,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from './contract';

/** Who is calling: filled by the binding (IPC or HTTP), never by the caller's payload. */
export interface CallContext {
  transport: 'ipc' | 'http';
  /** The acting staff number once signed in (the station role for kiosk/display callers). */
  actor: string;
  /** Resolved by the dispatcher's `authorize`; absent for an unsigned caller. */
  role?: Role;
  /** The raw session token the binding received (header / IPC argument); never logged. */
  session?: string;
}

export type Handlers = {
  [M in MethodName]: (
    input: ParsedInput<M>,
    ctx: CallContext,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** The handlers of one area's method table; createServices merges the areas into `Handlers`. */
export type HandlersFor<Table> = Pick<Handlers, keyof Table & MethodName>;

export interface DispatcherOptions {
  /** Check outputs against the contract too (tests); off in production for speed. */
  validateOutput?: boolean;
  /** Called with unexpected errors; must not log personal data (only the error's name and stack). */
  onInternalError?: (method: string, err: unknown) => void;
  /**
   * Resolves the caller (session → actor and role) and enforces the permission table before
   * the input is even parsed; throws an ApiError (UNAUTHENTICATED / FORBIDDEN) to refuse.
   */
  authorize?: Authorize;
}

export type Authorize = (method: MethodName, ctx: CallContext) => CallContext;

const INTERNAL: ApiErrorBody = {
  code: 'INTERNAL',
  message: '系统内部错误，请重试或联系管理员',
  messageEn: 'Internal error; please retry or call support',
};

export type Dispatch = (
  method: string,
  input: unknown,
  ctx: CallContext,
) => Promise<ApiResult<unknown>>;

/**
 * The one dispatcher both transports bind: looks the method up in the contract, parses the
 * input, runs the handler and wraps the answer as `{ok, value}` or `{ok:false, error}`.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, input, ctx) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_METHOD',
          message: '未知的接口方法',
          messageEn: 'Unknown API method',
          field: 'method',
        },
      };
    }
    let caller = ctx;
    try {
      if (options.authorize) caller = options.authorize(method, ctx);
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: err.body };
      options.onInternalError?.(method, err);
      return { ok: false, error: INTERNAL };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
    try {
      const handler = handlers[method] as (i: unknown, c: CallContext) => unknown;
      const value = await handler(parsed.data, caller);
      if (options.validateOutput) {
        const out = spec.output.safeParse(value);
        if (!out.success) throw new Error(`output of ${method} does not match the contract`);
      }
      return { ok: true, value };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: err.body };
      options.onInternalError?.(method, err);
      return { ok: false, error: INTERNAL };
    }
  };
}
