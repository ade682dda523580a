import type { CallContext, Handlers } from '../../../shared/api/dispatcher';
import {
  contract,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../../shared/api/contract';

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

/**
 * Merges the areas' handler tables into the dispatcher's one table. A method named by two
 * areas is a wiring mistake (the later one would silently win), and a contract method nobody
 * handles would only fail when called: both stop the start instead.
 */
export function combine(...tables: Partial<Record<MethodName, unknown>>[]): Handlers {
  const out: Partial<Record<MethodName, unknown>> = {};
  for (const table of tables) {
    for (const [method, handler] of Object.entries(table) as [MethodName, unknown][]) {
      if (method in out) throw new Error(`combine: method ${method} is handled twice`);
      out[method] = handler;
    }
  }
  const missing = (Object.keys(contract) as MethodName[]).filter((m) => !(m in out));
  if (missing.length > 0) throw new Error(`combine: no handler for ${missing.join(', ')}`);
  return out as Handlers;
}

/** Cross-cutting work around one method: runs in the order of the hook list. */
export interface Hook<M extends MethodName> {
  method: M;
  /** Why the hook exists, in a few words (the list reads as the composition's documentation). */
  why: string;
  /** Before the handler: may refuse (throw) or complete the input. */
  before?: (input: ParsedInput<M>, ctx: CallContext) => ParsedInput<M>;
  /** After the handler succeeded: side work (audit, kick); the answer is passed through. */
  after?: (output: MethodOutput<M>, input: ParsedInput<M>, ctx: CallContext) => void;
}

export type AnyHook = { [M in MethodName]: Hook<M> }[MethodName];

/** A typed hook entry for the list (infers the method's input and output types). */
export const hook = <M extends MethodName>(h: Hook<M>): Hook<M> => h;

/**
 * Wraps the handlers of hooked methods: every `before` in list order (each sees the input the
 * previous one returned), the handler, then every `after` in list order. A hook on a method
 * the table does not have is refused.
 */
export function withHooks(handlers: Handlers, hooks: readonly AnyHook[]): Handlers {
  const byMethod = new Map<MethodName, AnyHook[]>();
  for (const h of hooks) {
    if (!(h.method in handlers)) throw new Error(`withHooks: no method ${h.method}`);
    byMethod.set(h.method, [...(byMethod.get(h.method) ?? []), h]);
  }
  const out: Record<string, AnyHandler> = {
    ...(handlers as unknown as Record<string, AnyHandler>),
  };
  for (const [method, list] of byMethod) {
    const inner = out[method] as AnyHandler;
    const befores = list.flatMap((h) => (h.before ? [h.before as AnyHandler] : []));
    const afters = list.flatMap((h) =>
      h.after ? [h.after as (o: unknown, i: unknown, c: CallContext) => void] : [],
    );
    out[method] = async (input, ctx) => {
      let current = input;
      for (const before of befores) current = before(current, ctx);
      const output = await inner(current, ctx);
      for (const after of afters) after(output, current, ctx);
      return output;
    };
  }
  return out as unknown as Handlers;
}
