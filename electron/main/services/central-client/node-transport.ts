import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** One request as the central client makes it: the body is JSON (text or UTF-8 bytes) or nothing. */
export interface TransportRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer | undefined;
  signal: AbortSignal;
}

/** The status and headers of an answer, and its body read to the end as text. */
export interface TransportAnswer {
  status: number;
  header(name: string): string | null;
  /** Rejects when the connection is cut (or the request aborted) before the body is complete. */
  text(): Promise<string>;
}

/**
 * How the central client reaches a server. Rejects (with the socket's own error) when no answer
 * came; the client sorts the failures into its error kinds.
 */
export type Transport = (url: string, req: TransportRequest) => Promise<TransportAnswer>;

export interface NodeTransportOptions {
  /** For an https URL (a pinned hub's agent); the default is a keep-alive agent. */
  httpsAgent?: HttpsAgent | undefined;
}

/**
 * The client's transport over `node:http`/`node:https` with keep-alive agents. Cheaper per
 * request than `fetch` (no web streams, no `Headers`/`Response` objects): the body is encoded
 * once into a `Buffer` with its length declared, and the answer is read as bytes and decoded
 * once. On loopback a 500-operation push and its answer cost the client about half the CPU.
 */
export function createNodeTransport(opts: NodeTransportOptions = {}): Transport {
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 8 });
  const httpsAgent = opts.httpsAgent ?? new HttpsAgent({ keepAlive: true, maxSockets: 8 });

  return (url, req) =>
    new Promise<TransportAnswer>((resolve, reject) => {
      const target = new URL(url);
      const https = target.protocol === 'https:';
      if (!https && target.protocol !== 'http:') {
        reject(new TypeError('the central client speaks http and https only'));
        return;
      }
      const body =
        req.body === undefined || Buffer.isBuffer(req.body)
          ? req.body
          : Buffer.from(req.body, 'utf8');
      const headers = body
        ? { ...req.headers, 'content-length': String(body.length) }
        : req.headers;
      const outgoing = (https ? httpsRequest : httpRequest)(
        target,
        { method: req.method, headers, agent: https ? httpsAgent : httpAgent, signal: req.signal },
        (res) => resolve(answerOf(res)),
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });
}

function answerOf(res: IncomingMessage): TransportAnswer {
  // Read from the start, so nothing is lost while the caller has not asked for the text yet.
  const text = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.once('error', reject);
    // A cut connection or an aborted request may close the answer without an error event.
    res.once('close', () => {
      if (!res.complete) reject(new Error('the connection closed before the body was complete'));
    });
  });
  // Unread until the client asks: a rejection now must not count as unhandled.
  text.catch(() => undefined);
  return {
    status: res.statusCode ?? 502,
    header: (name) => {
      const value = res.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    text: () => text,
  };
}
