import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET } from '../../shared/sync/dev-secret';
import { DeviceCredentialsSchema } from '../../shared/sync/protocol';
import {
  QUEUE_OPS,
  type QueueOp,
  type QueueOpInput,
  type QueueOpOutput,
} from '../../shared/queue/protocol';

/** A station as the central system sees it: one registered device calling the queue ops. */
export interface TestStation {
  code: string;
  call<O extends QueueOp>(op: O, input: QueueOpInput<O>): Promise<QueueOpOutput<O>>;
  /** The raw answer, for refusals. */
  raw(op: QueueOp, input: unknown): Promise<{ status: number; body: unknown }>;
}

export async function registerStation(
  baseUrl: string,
  hallCode: string,
  stationCode: string,
): Promise<TestStation> {
  const res = await fetch(`${baseUrl}/v1/devices/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      hallCode,
      stationCode,
      installationId: uuidv7(),
      registrationSecret: DEV_REGISTRATION_SECRET,
    }),
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status}`);
  const { token } = DeviceCredentialsSchema.parse(await res.json());
  const raw = async (op: QueueOp, input: unknown) => {
    const r = await fetch(`${baseUrl}/v1/queue/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return { status: r.status, body: (await r.json()) as unknown };
  };
  return {
    code: stationCode,
    raw,
    async call(op, input) {
      const { status, body } = await raw(op, input);
      if (status !== 200) throw new Error(`${op} answered ${status}: ${JSON.stringify(body)}`);
      return QUEUE_OPS[op].output.parse(body) as QueueOpOutput<typeof op>;
    },
  };
}
