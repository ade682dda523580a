import { pgMigration001Ledger } from './001_ledger';
import { pgMigration002Queue } from './002_queue';
import { pgMigration003DeviceTrust } from './003_device_trust';
import { pgMigration004HubVouching } from './004_hub_vouching';
import { pgMigration005QueueNotesUndo } from './005_queue_notes_undo';
import { pgMigration006Appointments } from './006_appointments';
import { pgMigration007QueueCustomerRef } from './007_queue_customer_ref';
import { pgMigration008HallRecords } from './008_hall_records';
import { pgMigration009Customers } from './009_customers';
import { pgMigration010QueueCustomerIndex } from './010_queue_customer_index';
import { pgMigration011PlannedOutages } from './011_planned_outages';
import { pgMigration012SealedPayloads } from './012_sealed_payloads';
import type { PostgresMigration } from './types';

export type { PostgresMigration };

/**
 * Central's schema on PostgreSQL: one twin per SQLite migration in ../index.ts, same version
 * and name (central/store/store-migrations.test.ts compares the lists). To add one: write
 * NNN_name.ts here beside the SQLite one (docs/central-postgres.md: what changes between them)
 * and append it.
 */
export const CENTRAL_PG_MIGRATIONS: readonly PostgresMigration[] = [
  pgMigration001Ledger,
  pgMigration002Queue,
  pgMigration003DeviceTrust,
  pgMigration004HubVouching,
  pgMigration005QueueNotesUndo,
  pgMigration006Appointments,
  pgMigration007QueueCustomerRef,
  pgMigration008HallRecords,
  pgMigration009Customers,
  pgMigration010QueueCustomerIndex,
  pgMigration011PlannedOutages,
  pgMigration012SealedPayloads,
];
