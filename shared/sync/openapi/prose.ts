/**
 * The hand-written prose of the sync OpenAPI document: what the server must guarantee, each
 * endpoint's summary, statuses and shared responses. The schemas come from the zod contract
 * (see document.ts); edit here, then run `npx tsx scripts/gen-openapi.ts`.
 */
import type { OpenApiObject } from './types';

/** Markdown prose, one argument per line. */
const lines = (...text: string[]): string => text.join('\n');

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
  '/v1/devices/register': {
    post: {
      tags: ['devices'],
      summary: 'Enrol a console with its one-time enrolment code',
      description: lines(
        'The hall, station and role come from the code (issued by `POST /admin/enrolments`), which is',
        'spent. The same `(hall, station, installationId)` keeps its `deviceId`; enrolling it again needs',
        'a fresh code (409 otherwise, and the existing credentials are not touched). The shared',
        '`registrationSecret` with a self-declared hall and station works only in demo mode.',
        '',
      ),
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/RegisterRequest',
            },
          },
        },
      },
      responses: {
        '201': {
          description: 'Registered',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeviceCredentials',
              },
            },
          },
        },
        '400': {
          $ref: '#/components/responses/BadRequest',
        },
        '401': {
          $ref: '#/components/responses/Unauthenticated',
        },
        '403': {
          $ref: '#/components/responses/Forbidden',
        },
      },
    },
  },
  '/v1/devices/token': {
    post: {
      tags: ['devices'],
      summary: 'Exchange the refresh token for a new bearer token',
      description: 'The refresh token is not rotated, so a lost answer can simply be asked again.',
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/RefreshRequest',
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'A new bearer token',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RefreshResponse',
              },
            },
          },
        },
        '400': {
          $ref: '#/components/responses/BadRequest',
        },
        '401': {
          $ref: '#/components/responses/Unauthenticated',
        },
        '403': {
          $ref: '#/components/responses/Forbidden',
        },
      },
    },
  },
  '/v1/ops': {
    post: {
      tags: ['operations'],
      summary: 'Push a batch of operations',
      description: lines(
        'Applies the operations in order, each independently (one bad operation does not fail the',
        'batch), and answers with one result per operation in the same order. Answer 400 only when',
        'the body cannot be split into operations (not JSON, no `ops` array, empty, too many).',
        'All effects and idempotency records of the batch should commit together, before answering.',
        '',
      ),
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/PushRequest',
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'One result per operation',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PushResponse',
              },
            },
          },
        },
        '400': {
          $ref: '#/components/responses/BadRequest',
        },
        '401': {
          $ref: '#/components/responses/Unauthenticated',
        },
        '403': {
          $ref: '#/components/responses/Forbidden',
        },
        '413': {
          $ref: '#/components/responses/TooLarge',
        },
        '429': {
          $ref: '#/components/responses/RateLimited',
        },
        '500': {
          $ref: '#/components/responses/Internal',
        },
        '503': {
          $ref: '#/components/responses/Unavailable',
        },
      },
    },
  },
  '/v1/ops/{opId}': {
    put: {
      tags: ['operations'],
      summary: 'Push one operation',
      description: lines(
        'The same as a batch of one, with the outcome as the HTTP status: 201 applied, 200 duplicate,',
        "422 rejected (including `OP_ID_REUSED`), 409 conflict. The body's `opId` must equal the path's.",
        '',
      ),
      parameters: [
        {
          name: 'opId',
          in: 'path',
          required: true,
          schema: {
            type: 'string',
            format: 'uuid',
          },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Op',
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'Duplicate (the first answer again)',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OpResult',
              },
            },
          },
        },
        '201': {
          description: 'Applied',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OpResult',
              },
            },
          },
        },
        '400': {
          $ref: '#/components/responses/BadRequest',
        },
        '401': {
          $ref: '#/components/responses/Unauthenticated',
        },
        '403': {
          $ref: '#/components/responses/Forbidden',
        },
        '409': {
          description: 'Conflict with the central record',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OpResult',
              },
            },
          },
        },
        '422': {
          description: 'Rejected (final; resending it unchanged gets the same answer)',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OpResult',
              },
            },
          },
        },
        '429': {
          $ref: '#/components/responses/RateLimited',
        },
        '500': {
          $ref: '#/components/responses/Internal',
        },
        '503': {
          $ref: '#/components/responses/Unavailable',
        },
      },
    },
  },
  '/v1/changes': {
    get: {
      tags: ['changes'],
      summary: "Central changes for the device's hall since a cursor",
      description: lines(
        'The console stores `nextCursor` in the same transaction as it applies the page, and asks',
        'again at once while `more` is true.',
        '',
      ),
      responses: {
        '200': {
          description: 'A page of changes in seq order',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChangesPage',
              },
            },
          },
        },
        '400': {
          $ref: '#/components/responses/BadRequest',
        },
        '401': {
          $ref: '#/components/responses/Unauthenticated',
        },
        '403': {
          $ref: '#/components/responses/Forbidden',
        },
        '429': {
          $ref: '#/components/responses/RateLimited',
        },
        '500': {
          $ref: '#/components/responses/Internal',
        },
        '503': {
          $ref: '#/components/responses/Unavailable',
        },
      },
    },
  },
  '/v1/health': {
    get: {
      tags: ['devices'],
      summary: 'Liveness',
      security: [],
      responses: {
        '200': {
          description: 'Up',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  ok: {
                    type: 'boolean',
                  },
                  time: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  '/admin/advance': {
    post: {
      tags: ['admin'],
      summary: 'Move an application to its next stage, or to a named later stage',
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                applicationId: {
                  type: 'string',
                  format: 'uuid',
                },
                centralNo: {
                  type: 'string',
                },
                stage: {
                  $ref: '#/components/schemas/Stage',
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'Moved',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['applicationId', 'centralNo', 'stage', 'seq', 'final'],
                properties: {
                  applicationId: {
                    type: 'string',
                    format: 'uuid',
                  },
                  centralNo: {
                    type: 'string',
                  },
                  stage: {
                    type: 'string',
                  },
                  seq: {
                    type: 'integer',
                  },
                  final: {
                    type: 'boolean',
                  },
                },
              },
            },
          },
        },
        '404': {
          $ref: '#/components/responses/NotFound',
        },
        '409': {
          description: 'The stage is not after the current one',
        },
        '422': {
          description: "The application's stage list has no such stage",
        },
      },
    },
  },
  '/admin/faults': {
    post: {
      tags: ['admin'],
      summary: 'Set the fault mode (see central/faults.ts for the spec)',
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['spec'],
              properties: {
                spec: {
                  type: 'string',
                  examples: ['all=0.24,slowMs=1500,retryAfter=1,refuseMs=300'],
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'Set',
        },
        '422': {
          description: 'The spec cannot be read',
        },
      },
    },
  },
  '/admin/demo': {
    post: {
      tags: ['admin'],
      summary: 'Turn demo mode (stages advance on a timer) on or off',
      security: [],
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['enabled'],
              properties: {
                enabled: {
                  type: 'boolean',
                },
                intervalMs: {
                  type: 'integer',
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'Set',
        },
      },
    },
  },
  '/admin/enrolments': {
    post: {
      tags: ['admin'],
      summary: 'Issue a one-time enrolment code for a station (hall, station, role, validMinutes)',
      security: [],
      responses: {
        '201': {
          description: 'The code (shown once; central keeps only its hash) and when it expires',
        },
        '400': {
          $ref: '#/components/responses/BadRequest',
        },
      },
    },
  },
  '/admin/audit-alerts': {
    get: {
      tags: ['admin'],
      summary: 'Audit-trail tails central refused (gone back or rewritten), newest first',
      security: [],
      responses: {
        '200': {
          description: 'Alerts',
        },
      },
    },
  },
  '/admin/stats': {
    get: {
      tags: ['admin'],
      summary: 'Counters (requests, faults by kind, applied, dedupe hits, ledger size)',
      security: [],
      responses: {
        '200': {
          description: 'Counters',
        },
      },
    },
  },
  '/admin/devices/{deviceId}/revoke': {
    post: {
      tags: ['admin'],
      summary: 'Disable a device (it gets 403 until restored)',
      security: [],
      parameters: [
        {
          name: 'deviceId',
          in: 'path',
          required: true,
          schema: {
            type: 'string',
            format: 'uuid',
          },
        },
      ],
      responses: {
        '200': {
          description: 'Revoked',
        },
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
  },
  '/admin/devices/{deviceId}/restore': {
    post: {
      tags: ['admin'],
      summary: 'Re-enable a device',
      security: [],
      parameters: [
        {
          name: 'deviceId',
          in: 'path',
          required: true,
          schema: {
            type: 'string',
            format: 'uuid',
          },
        },
      ],
      responses: {
        '200': {
          description: 'Restored',
        },
        '404': {
          $ref: '#/components/responses/NotFound',
        },
      },
    },
  },
  '/admin/tokens/expire': {
    post: {
      tags: ['admin'],
      summary: 'Expire the bearer tokens of one device (or all), to exercise 401 handling',
      security: [],
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                deviceId: {
                  type: 'string',
                  format: 'uuid',
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'Expired',
        },
      },
    },
  },
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
