import { connect } from 'node:net';

export interface RawRequest {
  port: number;
  /** The request line and headers, each ending in \r\n (the blank line after them is added). */
  head: string;
  /** Written as it is right after the head. */
  body?: string;
  /** Chunk frames of this text, streamed until the server answers or `upTo` bytes are sent. */
  chunks?: { text: string; upTo: number };
}

/**
 * Sends one request over a raw socket and resolves the status of the answer. A raw socket,
 * since a host may answer (a 413) and close before it has read the body: a write after that
 * fails (EPIPE, reset) as expected, and what counts is the status line it sent.
 */
export function statusOverSocket(request: RawRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(request.port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (m) {
        resolve(Number(m[1]));
        socket.destroy();
      }
    });
    socket.on('error', () => undefined); // EPIPE / ECONNRESET after the answer: expected
    socket.on('close', () => reject(new Error(`closed without a status line (sent ${sent})`)));
    socket.write(`${request.head}\r\n`);
    if (request.body !== undefined) socket.write(request.body);
    const chunks = request.chunks;
    if (!chunks) return;
    const frame = `${chunks.text.length.toString(16)}\r\n${chunks.text}\r\n`;
    const pump = () => {
      while (sent <= chunks.upTo && !socket.destroyed) {
        sent += chunks.text.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}
