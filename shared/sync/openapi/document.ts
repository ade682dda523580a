import { z } from 'zod';
import { AddressSchema, FieldValueSchema } from '../../api/schemas';
import { STAGE_CODES } from '../../catalogue/stages';
import { ApplicationSubmitPayloadSchema } from '../application-payload';
import { AlertsPageSchema } from '../hall-record-payloads';
import { OutagesPageSchema } from '../outage-payloads';
import {
  AdvanceRequestSchema,
  AdvanceResponseSchema,
  ApplicationReplacePayloadSchema,
  CentralRecordSchema,
  ChangeSchema,
  ChangesPageSchema,
  ChangesQuerySchema,
  DeviceCredentialsSchema,
  LocalizedTextSchema,
  OP_STATUSES,
  OpResultSchema,
  OpSchema,
  PushRequestSchema,
  PushResponseSchema,
  REASON_CODES,
  RefreshRequestSchema,
  RefreshResponseSchema,
  RegisterRequestSchema,
  Sha256HexSchema,
  SiteCodeSchema,
  SYNC_OP_KINDS,
  SyncErrorBodySchema,
} from '../protocol';
import {
  CustomerContactPayloadSchema,
  CustomerManagerPayloadSchema,
  CustomerMergePayloadSchema,
  CustomersPageSchema,
  CustomersQuerySchema,
  CustomerTagPayloadSchema,
} from '../customer-payloads';
import { HEAD, PATHS, RESPONSES, SECURITY_SCHEMES } from './prose';
import type { JsonValue, OpenApiObject } from './types';
import { toYaml } from './yaml';

/** Where the document lives, from the repository root, and how to write it again. */
export const OPENAPI_FILE = 'docs/sync-openapi.yaml';
export const OPENAPI_COMMAND = 'npx tsx scripts/gen-openapi.ts';

/**
 * The named schemas of the document, each straight from the zod contract the console and the
 * reference central system validate with. A schema used inside another one becomes a $ref.
 */
const COMPONENTS: Record<string, z.ZodType> = {
  SiteCode: SiteCodeSchema,
  Sha256Hex: Sha256HexSchema,
  LocalizedText: LocalizedTextSchema,
  RegisterRequest: RegisterRequestSchema,
  DeviceCredentials: DeviceCredentialsSchema,
  RefreshRequest: RefreshRequestSchema,
  RefreshResponse: RefreshResponseSchema,
  OpKind: z.enum(SYNC_OP_KINDS),
  Op: OpSchema,
  PushRequest: PushRequestSchema,
  Address: AddressSchema,
  FieldValue: FieldValueSchema,
  ApplicationSubmitPayload: ApplicationSubmitPayloadSchema,
  ApplicationReplacePayload: ApplicationReplacePayloadSchema,
  OpStatus: z.enum(OP_STATUSES),
  ReasonCode: z.enum(REASON_CODES),
  CentralRecord: CentralRecordSchema,
  OpResult: OpResultSchema,
  PushResponse: PushResponseSchema,
  Stage: z.enum(STAGE_CODES).meta({
    description:
      'Central lifecycle stage code, the same codes the business catalogue lists for each type ' +
      '(shared/catalogue/stages.ts). Each application carries its own ordered stage list.',
  }),
  Change: ChangeSchema,
  ChangesPage: ChangesPageSchema,
  CustomerContactPayload: CustomerContactPayloadSchema,
  CustomerTagPayload: CustomerTagPayloadSchema,
  CustomerManagerPayload: CustomerManagerPayloadSchema,
  CustomerMergePayload: CustomerMergePayloadSchema,
  CustomersPage: CustomersPageSchema,
  SyncError: SyncErrorBodySchema,
  AdvanceRequest: AdvanceRequestSchema,
  AdvanceResponse: AdvanceResponseSchema,
  AlertsPage: AlertsPageSchema,
  OutagesPage: OutagesPageSchema,
};

const REF_PREFIX = '#/components/schemas/';

function componentSchemas(): OpenApiObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  // Requests and answers are described as a sender must write them (defaults may be left out).
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `${REF_PREFIX}${id}`,
  });
  const out: OpenApiObject = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, JsonValue>;
    out[id] = rest;
  }
  return out;
}

/** The query parameters of a paged GET, from the schema the server parses them with. */
function queryParameters(query: z.ZodType): JsonValue[] {
  const json = z.toJSONSchema(query, { io: 'input' }) as {
    properties: Record<string, OpenApiObject>;
  };
  return Object.entries(json.properties).map(([name, schema]) => ({ name, in: 'query', schema }));
}

/** The whole document as an object. */
export function buildOpenApi(): OpenApiObject {
  const changes = PATHS['/v1/changes']?.get;
  if (!changes) throw new Error('prose.ts lost GET /v1/changes');
  const customers = PATHS['/v1/customers']?.get;
  if (!customers) throw new Error('prose.ts lost GET /v1/customers');
  return {
    ...HEAD,
    paths: {
      ...PATHS,
      '/v1/changes': { get: { ...changes, parameters: queryParameters(ChangesQuerySchema) } },
      '/v1/customers': {
        get: { ...customers, parameters: queryParameters(CustomersQuerySchema) },
      },
    },
    components: {
      securitySchemes: SECURITY_SCHEMES,
      responses: RESPONSES,
      schemas: componentSchemas(),
    },
  };
}

/** The document as the committed file holds it. */
export function renderOpenApi(): string {
  return `# Generated from the zod schemas in shared/sync by \`${OPENAPI_COMMAND}\`; do not edit.\n${toYaml(buildOpenApi())}`;
}
