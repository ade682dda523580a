import { migration001Init } from './001_init';
import { migration002Sync } from './002_sync';
import { migration003Queue } from './003_queue';
import { migration004Service } from './004_service';
import { migration005Auth } from './005_auth';
import { migration006AuthHardening } from './006_auth_hardening';
import { migration007SealPersonalData } from './007_seal_personal_data';
import { migration008SealFreeText } from './008_seal_free_text';
import { migration009NamePinyin } from './009_name_pinyin';
import { migration010Customers } from './010_customers';
import { migration011HallRecords } from './011_hall_records';
import { migration012AppointmentCopy } from './012_appointment_copy';
import { migration013CustomerSync } from './013_customer_sync';
import { migration014PlannedOutages } from './014_planned_outages';
import { migration015CustomerIndexes } from './015_customer_indexes';
import { migration016CustomerMergedIndex } from './016_customer_merged_index';
import { migration017AppointmentCopyMisses } from './017_appointment_copy_misses';
import { migration018OpenDeadlineIndex } from './018_open_deadline_index';
import { migration019OutboxPlainRowid } from './019_outbox_plain_rowid';
import type { Migration } from '../../../../../server-common/db';

export type { Migration } from '../../../../../server-common/db';

/**
 * Every schema step, oldest first. To add one: create NNN_name.ts exporting a Migration with
 * the next version number and append it here (an array, not a directory scan, so bundlers
 * include it). The migration tests pick it up on their own; give it a seed in
 * migrations.test.ts so the upgrade path is tested with data.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration001Init,
  migration002Sync,
  migration003Queue,
  migration004Service,
  migration005Auth,
  migration006AuthHardening,
  migration007SealPersonalData,
  migration008SealFreeText,
  migration009NamePinyin,
  migration010Customers,
  migration011HallRecords,
  migration012AppointmentCopy,
  migration013CustomerSync,
  migration014PlannedOutages,
  migration015CustomerIndexes,
  migration016CustomerMergedIndex,
  migration017AppointmentCopyMisses,
  migration018OpenDeadlineIndex,
  migration019OutboxPlainRowid,
];

/** The schema version this code writes. */
export const LATEST_VERSION = MIGRATIONS.length;
