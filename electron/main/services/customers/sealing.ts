import type { FieldCipher } from '../crypto';

/**
 * How a customer's personal data is stored: the contact details (phone, address) and every
 * change of them sealed as JSON, a tag's reason sealed as free text; the certificate number and
 * phone copied out masked (lists never decrypt) and as blind indexes (whole-value look-up).
 */
export const CONTACT_CONTEXT = 'customers.contact';
export const CONTACT_HISTORY_CONTEXT = 'customer_contact_history.changes';
export const TAG_REASON_CONTEXT = 'customer_tags.reason';

/** The contact details, kept current as applications are submitted. */
export interface Contact {
  mobile: string;
  address: string;
  /**
   * The normalised certificate number, sealed with the contact (records made before customer
   * sync lack it until their next application): central matches customers by it.
   */
  certNo?: string;
  /** Set only by 客户信息更新 (an application names no contact person). */
  contactPerson?: string;
}

export const EMPTY_CONTACT: Contact = { mobile: '', address: '' };

export const sealContact = (cipher: FieldCipher, c: Contact): string =>
  cipher.seal(JSON.stringify(c), CONTACT_CONTEXT);

export function openContact(cipher: FieldCipher, sealed: string): Contact {
  const v = JSON.parse(cipher.open(sealed, CONTACT_CONTEXT)) as Partial<Contact>;
  return {
    mobile: v.mobile ?? '',
    address: v.address ?? '',
    ...(v.certNo ? { certNo: v.certNo } : {}),
    ...(v.contactPerson ? { contactPerson: v.contactPerson } : {}),
  };
}
