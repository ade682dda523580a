/**
 * The hand-written prose of the sync OpenAPI document: what the server must guarantee, each
 * endpoint's summary, statuses and shared responses. The schemas come from the zod contract
 * (see document.ts); the endpoints' prose is in prose-sync-paths.ts and prose-admin-paths.ts.
 * Edit there or here, then run `npx tsx scripts/gen-openapi.ts`.
 */
import type { OpenApiObject } from './types';
import { lines } from './prose-lines';
import { ADMIN_PATHS } from './prose-admin-paths';
import { SYNC_PATHS } from './prose-sync-paths';

export const HEAD: OpenApiObject = {
  openapi: '3.1.0',
  info: {
    title: 'Service Hall Console sync protocol',
    version: '1.0.0',
    summary:
      'How a hall console (a "device") sends accepted applications to the central system and mirrors central stages back.',
    description: lines(
      'This document is enough to implement the central side on another system. Its schemas are',
      'generated from the zod schemas in `shared/sync/` that the console and the reference server',
      '(`central/`) validate with, so they cannot drift apart.',
      '',
      '## Guarantees the server must give',
      '* **Idempotency.** Every operation carries `opId` (a UUIDv7 made by the console). The server',
      '  keeps, per `(deviceId, opId)`, the payload hash and the answer it gave first, durably and in',
      '  the same transaction as the effect. The same `opId` with the same `payloadHash` gets the first',
      '  answer again (`applied` becomes `duplicate`, same `centralNo`). The same `opId` with another',
      '  `payloadHash` is refused (`rejected`, `OP_ID_REUSED`; HTTP 422 on the single-operation',
      '  endpoint) and the first answer stands. Consoles resend after timeouts and lost answers, so',
      '  this is how every application ends up centrally exactly once.',
      '* **Payload hash.** `payloadHash` is the lower-case hex SHA-256 of the UTF-8 bytes of the',
      '  payload in canonical JSON: RFC 8785 (object keys sorted by UTF-16 code units, no whitespace,',
      '  ECMAScript number and string forms). The server recomputes it and refuses a mismatch.',
      '* **Order.** Operations in a batch are applied in array order; a console never sends an',
      '  operation while an earlier operation of the same application is unanswered, and never puts',
      '  two operations of one application in one batch.',
      '* **Change feed.** Each central change (a new application, a new stage, a new version) gets',
      '  a `seq` that strictly increases and is never reused. `GET /v1/changes?since=` returns, in',
      "  `seq` order, the changes with `seq > since` for the device's hall only. A change must be",
      "  visible in the feed no later than the operation's answer is sent.",
      '* **Central fields are authoritative**: the central number, stage and version. The console',
      '  never changes them; it edits application content only through `application.replace` with the',
      '  `baseHash` it edited from, and the server answers `conflict` if its record has moved on.',
      '',
      "## How the console reacts (so that the server's answers are chosen deliberately)",
      '| Answer | Console does |',
      '|---|---|',
      '| 200/201, result `applied` or `duplicate` | acknowledged: stores `centralNo` |',
      '| result `rejected`, 400, 422 | dead letter with the reason, for a supervisor |',
      '| result `conflict`, 409 | conflict queue, for the clerk |',
      '| 401 | refreshes the token (`/v1/devices/token`), then retries |',
      '| 403 | stops syncing and raises an alert until someone re-enables it |',
      '| 429, 5xx, timeouts, network errors, cut bodies | retries forever with full-jitter exponential backoff, never sooner than `Retry-After` |',
      '',
      'Reasons and error messages must never contain personal data (ID numbers, phones, addresses):',
      'they are shown on screens and written to logs. Name the field (`field`), never its value.',
      '',
    ),
    license: {
      name: 'Proprietary',
    },
  },
  servers: [
    {
      url: 'http://127.0.0.1:8787',
      description: 'Reference central system (npx tsx central/main.ts)',
    },
  ],
  tags: [
    {
      name: 'devices',
    },
    {
      name: 'operations',
    },
    {
      name: 'changes',
    },
    {
      name: 'admin',
      description: 'Reference server only (demos, tests); not part of what a utility must provide.',
    },
  ],
  security: [
    {
      bearer: [],
    },
  ],
};

export const PATHS: Record<string, Record<string, OpenApiObject>> = {
  ...SYNC_PATHS,
  ...ADMIN_PATHS,
};

export const SECURITY_SCHEMES: OpenApiObject = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'The `token` from registration or refresh.',
  },
};

export const RESPONSES: OpenApiObject = {
  BadRequest: {
    description: 'The request cannot be read (names the field, never its value)',
    content: {
      'application/json': {
        schema: {
          $ref: '#/components/schemas/SyncError',
        },
      },
    },
  },
  Unauthenticated: {
    description: 'Missing, unknown or expired token (`TOKEN_EXPIRED`), or a wrong secret',
    headers: {
      'WWW-Authenticate': {
        schema: {
          type: 'string',
        },
      },
    },
    content: {
      'application/json': {
        schema: {
          $ref: '#/components/schemas/SyncError',
        },
      },
    },
  },
  Forbidden: {
    description: 'The device is disabled; the console stops and alerts',
    content: {
      'application/json': {
        schema: {
          $ref: '#/components/schemas/SyncError',
        },
      },
    },
  },
  NotFound: {
    description: 'No such thing',
    content: {
      'application/json': {
        schema: {
          $ref: '#/components/schemas/SyncError',
        },
      },
    },
  },
  TooLarge: {
    description: 'The body is too large; send smaller batches',
    content: {
      'application/json': {
        schema: {
          $ref: '#/components/schemas/SyncError',
        },
      },
    },
  },
  RateLimited: {
    description: 'Slow down',
    headers: {
      'Retry-After': {
        schema: {
          type: 'integer',
          minimum: 0,
        },
        description: 'Seconds',
      },
    },
    content: {
      'application/json': {
        schema: {
          $ref: '#/components/schemas/SyncError',
        },
      },
    },
  },
  Unavailable: {
    description: 'Temporarily unavailable',
    headers: {
      'Retry-After': {
        schema: {
          type: 'integer',
          minimum: 0,
        },
        description: 'Seconds',
      },
    },
    content: {
      'application/json': {
        schema: {
          $ref: '#/components/schemas/SyncError',
        },
      },
    },
  },
  Internal: {
    description: 'Server error; the console retries',
    content: {
      'application/json': {
        schema: {
          $ref: '#/components/schemas/SyncError',
        },
      },
    },
  },
};
