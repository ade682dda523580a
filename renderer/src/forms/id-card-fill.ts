import type { Address, FieldValue } from '../../../shared/api/schemas';
import type { IdCard } from '../../../shared/api/methods/id-reader';
import type { FieldDef } from '../../../shared/catalogue/types';
import { isPlaceholderCity, regionPath, type RegionIndex } from '../../../shared/domain/regions';
import { DEFAULT_CERTIFICATE_TYPE } from '../../../shared/validators/certificates';

const EMPTY: Address = { province: '', city: '', district: '', street: '', detail: '' };

/** The card's address without the region names the cascader already shows. */
function withoutRegion(text: string, names: string[]): string {
  let rest = text.trim();
  for (const name of names) if (name && rest.startsWith(name)) rest = rest.slice(name.length);
  return rest.trim() || text.trim();
}

/**
 * The form values a read card gives (field key → value), only for fields the form shows: the
 * person's name (the applicant of a household, the legal representative of a business), 居民身份证
 * as the certificate type, the number, and the card's address as the address detail. An address
 * without a region yet gets the region of the ID number's area code when the list knows it;
 * a region already chosen is kept. The clerk checks and changes anything afterwards.
 */
export function fieldsFromIdCard(
  card: IdCard,
  defs: readonly FieldDef[],
  current: Readonly<Record<string, FieldValue>>,
  regions?: RegionIndex,
): [string, FieldValue][] {
  const shown = (key: string) => defs.find((d) => d.key === key);
  const out: [string, FieldValue][] = [];
  const nameKey = shown('applicantName')?.kind === 'personName' ? 'applicantName' : 'legalRepName';
  if (shown(nameKey)) out.push([nameKey, card.name]);
  if (shown('idType')) out.push(['idType', DEFAULT_CERTIFICATE_TYPE]);
  if (shown('idNumber')) out.push(['idNumber', card.idNumber]);
  // A business's address is the organisation's, not its representative's home.
  if (shown('address') && nameKey === 'applicantName') {
    const before = { ...EMPTY, ...((current.address as Address | undefined) ?? {}) };
    const hasRegion = Boolean(before.regionCode || before.district);
    const found =
      !hasRegion && regions ? regionPath(regions, card.idNumber.slice(0, 6)) : undefined;
    const region = found
      ? {
          province: found.province.name,
          city: found.city.name,
          district: found.district.name,
          regionCode: found.district.code,
        }
      : {};
    const names = [before.province, before.city, before.district, before.street];
    if (found) {
      names.splice(0, 3, found.province.name, found.city.name, found.district.name);
      if (isPlaceholderCity(found.city.name)) names[1] = '';
    }
    out.push(['address', { ...before, ...region, detail: withoutRegion(card.address, names) }]);
  }
  return out;
}
