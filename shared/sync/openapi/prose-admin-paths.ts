/**
 * The OpenAPI prose of the admin endpoints (stage advance, faults, demo, enrolment codes, audit
 * alerts, stats, device revocation, token expiry). Part of prose.ts's PATHS.
 */
import type { OpenApiObject } from './types';

export const ADMIN_PATHS: Record<string, Record<string, OpenApiObject>> = {
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
