import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET } from '../../shared/sync/dev-secret';
import { DeviceCredentialsSchema } from '../../shared/sync/protocol';
import {
  APPOINTMENT_OPS,
  type AppointmentOp,
  type AppointmentOpInput,
  type AppointmentOpOutput,
} from '../../shared/appointments/protocol';

/** A device as the hub sees it: a station or an online channel calling the appointment ops. */
export interface ApptClient {
  name: string;
  call<O extends AppointmentOp>(
    op: O,
    input: AppointmentOpInput<O>,
  ): Promise<AppointmentOpOutput<O>>;
  raw(op: string, input: unknown): Promise<{ status: number; body: unknown }>;
}

function clientFor(baseUrl: string, name: string, token: string): ApptClient {
  const raw = async (op: string, input: unknown) => {
    const r = await fetch(`${baseUrl}/v1/appointments/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return { status: r.status, body: (await r.json()) as unknown };
  };
  return {
    name,
    raw,
    async call(op, input) {
      const { status, body } = await raw(op, input);
      if (status !== 200) throw new Error(`${op} answered ${status}: ${JSON.stringify(body)}`);
      return APPOINTMENT_OPS[op].output.parse(body) as AppointmentOpOutput<typeof op>;
    },
  };
}

async function register(baseUrl: string, body: object): Promise<string> {
  const res = await fetch(`${baseUrl}/v1/devices/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ installationId: uuidv7(), ...body }),
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status}`);
  return DeviceCredentialsSchema.parse(await res.json()).token;
}

/** A hall station registered with the development secret (demo trust). */
export async function stationClient(baseUrl: string, hall: string, station: string) {
  const token = await register(baseUrl, {
    hallCode: hall,
    stationCode: station,
    registrationSecret: DEV_REGISTRATION_SECRET,
  });
  return clientFor(baseUrl, station, token);
}

/** An online channel: enrolled with a one-time code of role `online` an admin issued. */
export async function onlineClient(
  baseUrl: string,
  adminToken: string,
  hall: string,
  name: string,
): Promise<ApptClient & { token: string }> {
  const issued = await fetch(`${baseUrl}/admin/enrolments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ hallCode: hall, stationCode: name, role: 'online' }),
  });
  if (issued.status !== 201) throw new Error(`enrolment code refused: ${issued.status}`);
  const { code } = (await issued.json()) as { code: string };
  const token = await register(baseUrl, { enrolmentCode: code });
  return { ...clientFor(baseUrl, name, token), token };
}
