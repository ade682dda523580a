import { describe, expect, it } from 'vitest';
import type { CallContext, Handlers } from '../../../shared/api/dispatcher';
import { contract, type MethodName } from '../../../shared/api/contract';
import { combine, hook, withHooks } from './compose';

const ctx: CallContext = { transport: 'ipc', actor: 'clerk07' };

/** A full table whose every handler answers its own method name. */
function echoTable(): Record<MethodName, () => string> {
  return Object.fromEntries(
    (Object.keys(contract) as MethodName[]).map((m) => [m, () => m]),
  ) as Record<MethodName, () => string>;
}

function split(table: Record<MethodName, unknown>, first: MethodName[]) {
  const a: Partial<Record<MethodName, unknown>> = {};
  const b: Partial<Record<MethodName, unknown>> = {};
  for (const [m, h] of Object.entries(table) as [MethodName, unknown][]) {
    (first.includes(m) ? a : b)[m] = h;
  }
  return [a, b] as const;
}

describe('combine()', () => {
  it('merges the areas into one table', () => {
    const [a, b] = split(echoTable(), ['applications.submit', 'system.info']);
    const all = combine(a, b);
    expect(Object.keys(all).sort()).toEqual(Object.keys(contract).sort());
  });

  it('refuses a method handled by two areas, naming it', () => {
    const [a, b] = split(echoTable(), ['applications.submit']);
    const again = { 'applications.submit': () => 'later' };
    expect(() => combine(a, b, again)).toThrow(
      'combine: method applications.submit is handled twice',
    );
  });

  it('refuses a contract method nobody handles', () => {
    const [, b] = split(echoTable(), ['reports.export']);
    expect(() => combine(b)).toThrow('combine: no handler for reports.export');
  });
});

describe('withHooks()', () => {
  it('runs befores in list order on the input, then the handler, then afters with the answer', async () => {
    const seen: string[] = [];
    const table = echoTable() as unknown as Handlers;
    (table as unknown as Record<string, unknown>)['applications.get'] = (input: { id: string }) => {
      seen.push(`handler ${input.id}`);
      return `detail ${input.id}`;
    };
    const hooked = withHooks(table, [
      hook({
        method: 'applications.get',
        why: 'first',
        before: (input) => {
          seen.push(`before1 ${input.id}`);
          return { ...input, id: `${input.id}+1` };
        },
      }),
      hook({
        method: 'applications.get',
        why: 'second',
        before: (input) => {
          seen.push(`before2 ${input.id}`);
          return { ...input, id: `${input.id}+2` };
        },
        after: (out, input, c) => seen.push(`after ${String(out)} ${input.id} ${c.actor}`),
      }),
    ]);
    const out = await hooked['applications.get']({ id: 'A' }, ctx);
    expect(out).toBe('detail A+1+2');
    expect(seen).toEqual([
      'before1 A',
      'before2 A+1',
      'handler A+1+2',
      'after detail A+1+2 A+1+2 clerk07',
    ]);
  });

  it('a refusing before stops the handler and the afters', async () => {
    let handled = 0;
    let after = 0;
    const table = echoTable() as unknown as Record<string, unknown>;
    table['applications.receipt'] = () => ++handled;
    const hooked = withHooks(table as unknown as Handlers, [
      hook({
        method: 'applications.receipt',
        why: 'refuse',
        before: () => {
          throw new Error('refused');
        },
        after: () => void after++,
      }),
    ]);
    await expect(hooked['applications.receipt']({ id: 'x' }, ctx)).rejects.toThrow('refused');
    expect([handled, after]).toEqual([0, 0]);
  });

  it('leaves methods without hooks as they were', () => {
    const table = echoTable() as unknown as Handlers;
    const hooked = withHooks(table, [
      hook({ method: 'applications.submit', why: 'x', after: () => undefined }),
    ]);
    expect(hooked['system.info']).toBe(table['system.info']);
    expect(hooked['applications.submit']).not.toBe(table['applications.submit']);
  });

  it('refuses a hook on a method the table does not have', () => {
    const table = echoTable() as unknown as Record<string, unknown>;
    delete table['applications.list'];
    expect(() =>
      withHooks(table as unknown as Handlers, [
        hook({ method: 'applications.list', why: 'x', after: () => undefined }),
      ]),
    ).toThrow('withHooks: no method applications.list');
  });
});
