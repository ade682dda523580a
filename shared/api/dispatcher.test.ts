import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { METHOD_NAMES } from './contract';
import { createDispatcher, type Handlers } from './dispatcher';

const ctx = { transport: 'http' as const, actor: 'test' };

/** Every method answers a marker, so the test sees which handler ran with what input. */
function recordingHandlers() {
  const calls: Array<{ method: string; input: unknown }> = [];
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      (input: unknown) => {
        calls.push({ method: m, input });
        return { handled: m };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('dispatcher', () => {
  it('rejects an unknown method with a typed, bilingual error', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    for (const name of ['nope', 'applications.drop', '__proto__', 'constructor', 'toString', '']) {
      const r = await dispatch(name, {}, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('UNKNOWN_METHOD');
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(r.error.messageEn).toMatch(/Unknown/);
      }
    }
    expect(calls).toHaveLength(0);
  });

  it('rejects invalid input naming the field, without running the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    const r = await dispatch('applications.get', { id: 'not-a-uuid' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.field).toBe('id');
      // Named by its label on screen, not by its key.
      expect(r.error.message).toBe('记录编号格式不正确，请检查后重新填写');
      expect(r.error.messageEn).toContain('Record id');
      // The offending value is never echoed back.
      expect(JSON.stringify(r.error)).not.toContain('not-a-uuid');
    }
    const nested = await dispatch(
      'applications.submit',
      {
        typeCode: 'X',
        accountKind: 'lv_resident',
        fields: {},
        papers: [{ code: 'A', status: 'lost' }],
      },
      ctx,
    );
    expect(!nested.ok && nested.error.field).toBe('papers.0.status');
    const extra = await dispatch('system.info', { sneaky: 1 }, ctx);
    expect(!extra.ok && extra.error.code).toBe('INVALID_INPUT');
    expect(calls).toHaveLength(0);
  });

  it('passes parsed input to the handler and wraps the value', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    const r = await dispatch('applications.list', { q: '  张三 ' }, ctx);
    expect(r).toEqual({ ok: true, value: { handled: 'applications.list' } });
    // Defaults and trimming come from the contract's schema.
    expect(calls[0]?.input).toEqual({ q: '张三', sort: 'created', offset: 0, limit: 100 });
  });

  it('passes ApiErrors through and hides unexpected errors', async () => {
    const { handlers } = recordingHandlers();
    const onInternalError = vi.fn();
    const dispatch = createDispatcher(
      {
        ...handlers,
        'system.info': () => {
          throw new ApiError({ code: 'NOT_FOUND', message: '无', messageEn: 'none' });
        },
        'catalogue.get': () => {
          throw new Error('secret 11010519491231002X');
        },
      },
      { onInternalError },
    );
    const known = await dispatch('system.info', {}, ctx);
    expect(!known.ok && known.error.code).toBe('NOT_FOUND');
    const unknown = await dispatch('catalogue.get', {}, ctx);
    expect(!unknown.ok && unknown.error.code).toBe('INTERNAL');
    expect(JSON.stringify(unknown)).not.toContain('11010519491231002X');
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('checks outputs against the contract when asked', async () => {
    const { handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers, { validateOutput: true });
    const r = await dispatch('system.info', {}, ctx);
    expect(!r.ok && r.error.code).toBe('INTERNAL');
  });
});
