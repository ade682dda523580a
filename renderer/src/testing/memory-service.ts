import { METHOD_NAMES } from '../../../shared/api/contract';
import { createDispatcher, type Handlers } from '../../../shared/api/dispatcher';
import { apiError, type ApiErrorBody } from '../../../shared/api/errors';
import type { ApplicationDetail, ApplicationInput } from '../../../shared/api/schemas';
import { CATALOGUE } from '../../../shared/catalogue';
import { fieldErrorsToApiError, validateApplication } from '../../../shared/catalogue/validate';
import type { HallBridge } from '../api/bridge';

/**
 * A small in-memory stand-in for the console's services, for component tests: it runs the same
 * shared dispatcher and the same shared validation, so inputs and error bodies have their real
 * shapes. The real services are covered by their own tests and by the e2e suite.
 */
export function createMemoryService() {
  const saved = new Map<string, ApplicationDetail>();
  const calls: { method: string; input: unknown }[] = [];
  /** Extra field errors the "service" reports, as a stricter server-side rule would. */
  let extraErrors: NonNullable<ApiErrorBody['fieldErrors']> = [];
  let seq = 0;

  function store(input: ApplicationInput, mode: 'draft' | 'submit'): ApplicationDetail {
    const now = new Date('2026-03-02T02:00:00Z');
    const result = validateApplication(CATALOGUE, input, mode, now);
    const errors = [...result.errors, ...extraErrors];
    if (errors.length > 0) throw fieldErrorsToApiError(errors);
    const id = input.id ?? `0190b6a0-0000-7000-8000-${String(++seq).padStart(12, '0')}`;
    const previous = saved.get(id);
    const detail: ApplicationDetail = {
      id,
      appNo: mode === 'submit' ? `C0120260302${String(seq).padStart(4, '0')}` : '',
      typeCode: input.typeCode,
      accountKind: input.accountKind,
      state: mode === 'submit' ? 'queued' : 'draft',
      applicantName: String(result.normalized.applicantName ?? ''),
      phoneMasked: '',
      idMasked: '',
      accountNo: '',
      createdAt: now.toISOString(),
      acceptedAt: mode === 'submit' ? now.toISOString() : null,
      deadlineAt: null,
      centralNo: null,
      centralStage: null,
      fields: result.normalized,
      papers: input.papers,
      version: (previous?.version ?? 0) + 1,
      catalogueVersion: CATALOGUE.version,
      clerk: 'test',
      ticketId: null,
      history: [],
    };
    saved.set(id, detail);
    return detail;
  }

  const find = (id: string) => {
    const detail = saved.get(id);
    if (!detail)
      throw apiError('NOT_FOUND', '找不到该申请', 'Application not found', { field: 'id' });
    return detail;
  };

  const implemented: Partial<Handlers> = {
    'system.info': () => ({
      appVersion: 'test',
      hallName: '测试营业厅',
      stationCode: 'C01',
      transport: 'ipc',
      catalogueVersion: CATALOGUE.version,
      catalogueChangesOn: null,
      build: 'test-build',
      configPath: null,
      update: { state: 'off' as const },
    }),
    'catalogue.get': () => CATALOGUE,
    'applications.saveDraft': (input) => store(input, 'draft'),
    'applications.submit': (input) => store(input, 'submit'),
    'applications.list': () => ({ rows: [], total: 0, more: false }),
    'applications.get': ({ id }) => find(id),
    'applications.openDraft': ({ id }) => find(id),
    'applications.receipt': () => {
      throw apiError('NOT_FOUND', '找不到该申请', 'Application not found');
    },
  };
  // Methods this stand-in does not model (sync, queue…) answer UNAVAILABLE, so the contract can
  // grow without this file changing.
  const unsupported = () => {
    throw apiError('UNAVAILABLE', '测试服务不支持该方法', 'Not supported by the test service');
  };
  const handlers = {
    ...Object.fromEntries(METHOD_NAMES.map((m) => [m, unsupported])),
    ...implemented,
  } as Handlers;
  const dispatch = createDispatcher(handlers, { validateOutput: true });

  const bridge: HallBridge = {
    invoke: async (method, input) => {
      // Through JSON, as over IPC: nothing but plain data crosses.
      const plain = JSON.parse(JSON.stringify(input)) as unknown;
      calls.push({ method, input: plain });
      return dispatch(method, plain, { transport: 'ipc', actor: 'test' });
    },
  };

  return {
    bridge,
    calls,
    saved,
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    setExtraErrors(errors: NonNullable<ApiErrorBody['fieldErrors']>) {
      extraErrors = errors;
    },
  };
}
