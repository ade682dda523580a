import { randomUUID } from 'node:crypto';
import { get, run, type CentralStore } from './store/work';
import type { EnrolmentGrant } from './enrolment';
import { VouchResponseSchema } from './hub-vouch';
import type { FieldCipher } from '../electron/main/services/crypto';
import { DeviceCredentialsSchema, RefreshResponseSchema } from '../shared/sync/protocol';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HubLinkOptions {
  /** The central system the hall's stations enrol with. */
  centralUrl: string;
  /** The hub's own one-time code from central's admin (role `hub`, the hall's code). */
  enrolmentCode?: string | undefined;
  fetch?: FetchLike;
}

/** Central's answer to a vouch, or its refusal to pass on to the station as it is. */
export type VouchOutcome =
  | { ok: true; grant: EnrolmentGrant }
  | { ok: false; status: 401 | 403 | 503; body: Record<string, unknown> };

const REFRESH_CONTEXT = 'hub_central_link.refresh_token';

const unavailable = (): VouchOutcome => ({
  ok: false,
  status: 503,
  body: {
    code: 'UNAVAILABLE',
    message: '叫号服务器暂时无法向中心系统核验登记码，请稍后重试',
    messageEn: 'The hall hub cannot reach the central system to check the code; try again later',
    field: 'enrolmentCode',
  },
});

/**
 * A hall hub's link to central, so one enrolment code per station enrols it with both: the hub
 * enrols once at central with its own code (role `hub`, its hall), keeps its refresh token
 * sealed with the hub's key, and asks central to vouch for each station code it does not know.
 * Needs the WAN only while a station enrols; tickets never wait on it.
 */
export class HubLink {
  private readonly fetch: FetchLike;

  constructor(
    private readonly store: CentralStore,
    private readonly cipher: FieldCipher,
    private readonly opts: HubLinkOptions,
  ) {
    this.fetch = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  private async read(key: string): Promise<string | undefined> {
    const row = await this.store.read(() =>
      get<{ value: string }>('SELECT value FROM hub_central_link WHERE key = ?', key),
    );
    return row?.value;
  }

  private async write(key: string, value: string): Promise<void> {
    await this.store.write(() =>
      run(
        'INSERT INTO hub_central_link (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        key,
        value,
      ),
    );
  }

  /** The hall this hub is enrolled for at central, or null before it has enrolled. */
  async hallCode(): Promise<string | null> {
    return (await this.read('hall_code')) ?? null;
  }

  private async post(path: string, body: unknown, token?: string): Promise<Response> {
    return this.fetch(`${this.opts.centralUrl.replace(/\/$/, '')}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  }

  /** Enrols the hub at central with its code, once; true when it is (or already was) enrolled. */
  async enrol(): Promise<boolean> {
    if (await this.read('device_id')) return true;
    if (!this.opts.enrolmentCode) return false;
    const installationId = (await this.read('installation_id')) ?? randomUUID();
    await this.write('installation_id', installationId);
    const res = await this.post('/v1/devices/register', {
      installationId,
      enrolmentCode: this.opts.enrolmentCode.trim().toUpperCase(),
      deviceName: 'hall hub',
    });
    if (res.status !== 201) return false;
    const creds = DeviceCredentialsSchema.parse(await res.json());
    await this.write('device_id', creds.deviceId);
    await this.write('hall_code', creds.hallCode ?? '');
    await this.write('refresh_token', this.cipher.seal(creds.refreshToken, REFRESH_CONTEXT));
    return true;
  }

  /** Asks central whether a station's code is one of this hub's hall (spending it for hubs). */
  async vouch(code: string): Promise<VouchOutcome> {
    try {
      if (!(await this.enrol())) return unavailable();
      const deviceId = (await this.read('device_id'))!;
      const refreshToken = this.cipher.open((await this.read('refresh_token'))!, REFRESH_CONTEXT);
      const tokenRes = await this.post('/v1/devices/token', { deviceId, refreshToken });
      if (tokenRes.status !== 200) return unavailable();
      const { token } = RefreshResponseSchema.parse(await tokenRes.json());
      const res = await this.post('/v1/hub/vouch', { enrolmentCode: code }, token);
      if (res.status === 200)
        return { ok: true, grant: VouchResponseSchema.parse(await res.json()) };
      if (res.status === 401 || res.status === 403) {
        return {
          ok: false,
          status: res.status,
          body: (await res.json()) as Record<string, unknown>,
        };
      }
      return unavailable();
    } catch {
      // Network down or an answer that is not central's: the station tries again later.
      return unavailable();
    }
  }
}
