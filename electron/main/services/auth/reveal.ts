import type { Database } from '../db';
import { createApplicationRepository } from '../applications/repository';
import type { Address, FieldValues } from '../../../../shared/api/schemas';
import { apiError } from '../../../../shared/api/errors';
import { formatAddress } from '../../../../shared/domain/address-text';
import type { AuditTrail } from '../audit/trail';

const nothingToReveal = () =>
  apiError('NOT_FOUND', '该申请没有这项信息', 'This application has no such value', {
    field: 'field',
  });

/**
 * The full value of one personal field, for a role the permission table lets reveal. The audit
 * row is written in the same transaction as the read: no reveal without its trace.
 */
export function createRevealer(db: Database, audit: AuditTrail) {
  const applications = createApplicationRepository(db);
  return db.transaction(
    (by: { actor: string; role: string }, id: string, field: string): { value: string } => {
      const row = applications.findById(id);
      if (!row)
        throw apiError('NOT_FOUND', '找不到该申请', 'Application not found', { field: 'id' });
      const value = (JSON.parse(row.fields_json) as FieldValues)[field];
      let text = '';
      if (typeof value === 'string' || typeof value === 'number') text = String(value);
      else if (value && typeof value === 'object') text = formatAddress(value as Address);
      if (text === '') throw nothingToReveal();
      audit.append({ ...by, action: 'reveal', target: id, detail: { field } });
      return { value: text };
    },
  );
}
