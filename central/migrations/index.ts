import type { Migration } from '../../server-common/db';
import { migration001Ledger } from './001_ledger';
import { migration002Queue } from './002_queue';
import { migration003DeviceTrust } from './003_device_trust';
import { migration004HubVouching } from './004_hub_vouching';
import { migration005QueueNotesUndo } from './005_queue_notes_undo';
import { migration006Appointments } from './006_appointments';
import { migration007QueueCustomerRef } from './007_queue_customer_ref';
import { migration008HallRecords } from './008_hall_records';
import { migration009Customers } from './009_customers';
import { migration010QueueCustomerIndex } from './010_queue_customer_index';
import { migration011PlannedOutages } from './011_planned_outages';
import { migration012SealedPayloads } from './012_sealed_payloads';

/**
 * The central system's schema steps, oldest first, run by the same runner as the console's
 * (server-common/db). To add one: create NNN_name.ts with the next version and append it here;
 * central/migrations.test.ts upgrades a database from every earlier version.
 */
export const CENTRAL_MIGRATIONS: readonly Migration[] = [
  migration001Ledger,
  migration002Queue,
  migration003DeviceTrust,
  migration004HubVouching,
  migration005QueueNotesUndo,
  migration006Appointments,
  migration007QueueCustomerRef,
  migration008HallRecords,
  migration009Customers,
  migration010QueueCustomerIndex,
  migration011PlannedOutages,
  migration012SealedPayloads,
];

export const CENTRAL_SCHEMA_VERSION = CENTRAL_MIGRATIONS.length;
