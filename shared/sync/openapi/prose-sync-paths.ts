/**
 * The OpenAPI prose of the device and sync endpoints (registration, tokens, operations, the
 * change feed, the hall's customers, health): summaries, descriptions and statuses. Part of
 * prose.ts's PATHS.
 */
import type { OpenApiObject } from './types';
import { lines } from './prose-lines';

export const SYNC_PATHS: Record<string, Record<string, OpenApiObject>> = {
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
  '/v1/alerts': {
    get: {
      tags: ['changes'],
      summary: "The device's hall alerts (红橙黄), its own and its area's",
      description: lines(
        "Every alert of the device's hall raised by one of its stations, and every alert central",
        'raised for an area the hall is in, not over for more than a day: ended ones too, so that an',
        'end reaches every station. Pulled by each station after its push.',
        '',
      ),
      responses: {
        '200': {
          description: 'The alerts',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/AlertsPage' } } },
        },
        '401': { $ref: '#/components/responses/Unauthenticated' },
        '403': { $ref: '#/components/responses/Forbidden' },
        '429': { $ref: '#/components/responses/RateLimited' },
        '500': { $ref: '#/components/responses/Internal' },
        '503': { $ref: '#/components/responses/Unavailable' },
      },
    },
  },
  '/v1/outages': {
    get: {
      tags: ['changes'],
      summary: "Planned outages of the device's hall's area",
      description: lines(
        "Every planned outage central published for the district the device's hall is in (matched",
        'by its GB/T 2260 code or its name, as set by the admin API), not ended yet, soonest first.',
        "A hall whose district central does not know gets none; another area's outages never reach",
        'it. Pulled by each station after the alerts; the console counts outages starting soon or in',
        "progress as a signal for the supervisor's suggested hall alert level.",
        '',
      ),
      responses: {
        '200': {
          description: 'The outages',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/OutagesPage' } } },
        },
        '401': { $ref: '#/components/responses/Unauthenticated' },
        '403': { $ref: '#/components/responses/Forbidden' },
        '429': { $ref: '#/components/responses/RateLimited' },
        '500': { $ref: '#/components/responses/Internal' },
        '503': { $ref: '#/components/responses/Unavailable' },
      },
    },
  },
  '/v1/customers': {
    get: {
      tags: ['changes'],
      summary: "The device's hall's customers changed since a cursor",
      description: lines(
        'Each customer whole as central holds it after its latest change (last writer by central',
        'order), with its tags, manager, the customer it was merged into, and the changes the',
        "hall's other devices made since the cursor. Only the hall of the device's token. The",
        'console stores `nextCursor` with the page it applied. Customers travel as `customer.*`',
        'operations and are matched by hall and certificate, not by the sender’s id.',
        '',
      ),
      responses: {
        '200': {
          description: 'A page of customers in seq order',
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CustomersPage',
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
};
