import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake reader answers next (tests switch it; the demo keeps `card`). */
export type FakeReaderMode = 'card' | 'noCard' | 'noDevice' | 'garbage' | 'badId' | 'slow';

/** A made-up card: the GB 11643 sample number, a name and an address nobody has. */
export const FAKE_CARD = {
  name: '林小梅',
  idNumber: '11010519491231002X',
  address: '北京市朝阳区建国路示范小区1号楼1单元101',
  sex: '女',
  birth: '19491231',
} as const;

export interface FakeIdReader {
  /** Base address for the station config's `idReaderUrl`, e.g. http://127.0.0.1:41234 */
  url: string;
  setMode(mode: FakeReaderMode): void;
  /** How many reads it answered (a test that expects no call can check). */
  reads(): number;
  close(): Promise<void>;
}

function answer(mode: FakeReaderMode): string {
  switch (mode) {
    case 'card':
      return JSON.stringify(FAKE_CARD);
    case 'noCard':
      return JSON.stringify({ error: 'NO_CARD' });
    case 'noDevice':
      return JSON.stringify({ error: 'NO_DEVICE' });
    case 'garbage':
      return '<html>not a reader</html>';
    case 'badId':
      return JSON.stringify({ ...FAKE_CARD, idNumber: '110105194912310021' });
    case 'slow':
      return JSON.stringify(FAKE_CARD);
  }
}

/**
 * A stand-in for the 身份证阅读器's local service (docs/id-reader.md): GET /read answers the
 * current mode; `slow` answers after `slowMs` so a client's timeout shows.
 */
export async function startFakeIdReader(
  opts: { port?: number; mode?: FakeReaderMode; slowMs?: number } = {},
): Promise<FakeIdReader> {
  let mode: FakeReaderMode = opts.mode ?? 'card';
  let reads = 0;
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/read') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"NOT_FOUND"}');
      return;
    }
    reads += 1;
    const body = answer(mode);
    const send = () =>
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    if (mode === 'slow') setTimeout(send, opts.slowMs ?? 10_000).unref();
    else send();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setMode: (next) => {
      mode = next;
    },
    reads: () => reads,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
