import type { FieldValues, PaperEntry } from '../../api/schemas';
import { CATALOGUE } from '../index';
import type { AccountKind } from '../types';
import { validateApplication } from '../validate';

/** Applicants and papers the catalogue validation suites share. */
/** A Friday before National Day, hall time: the validation suites' default now. */
export const NOW = new Date('2025-09-26T10:00:00+08:00'); // a Friday before National Day
export const ADDRESS = {
  province: '福建省',
  city: '福州市',
  district: '鼓楼区',
  street: '',
  detail: '东街88号',
};
export const PERSON = {
  applicantName: ' 张三 ',
  idNumber: '11010519491231002x',
  mobile: '+86 13812345678',
  address: ADDRESS,
  agent: 'no',
};
export const ORG = {
  applicantName: '福州恒源商贸有限公司',
  creditCode: '91350100M000100Y43',
  legalRepName: '李四',
  idNumber: '11010519491231002X',
  mobile: '13912345678',
  address: ADDRESS,
  agent: 'no',
};
export const received = (...codes: string[]): PaperEntry[] =>
  codes.map((code) => ({ code, status: 'received' }));
export const ORG_PAPERS = ['BUSINESS_LICENCE', 'LEGAL_REP_ID', 'OFFICIAL_SEAL', 'PROPERTY_PROOF'];

/** Validates one application against the shipped catalogue (submit mode unless told). */
export function run(
  typeCode: string,
  accountKind: AccountKind,
  fields: FieldValues,
  papers: PaperEntry[],
  mode: 'draft' | 'submit' = 'submit',
  now = NOW,
) {
  return validateApplication(CATALOGUE, { typeCode, accountKind, fields, papers }, mode, now);
}
/** The fields a validation result names, in order. */
export const fieldsOf = (r: { errors: { field: string }[] }) => r.errors.map((e) => e.field);
