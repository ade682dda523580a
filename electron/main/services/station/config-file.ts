import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  checkStationConfig,
  type ConfigProblem,
  type StationConfig,
} from '../../../../shared/station/config';

/** The station config file's name in the app data directory. */
export const STATION_CONFIG_FILE = 'station-config.json';

export type LoadedConfig =
  | { ok: true; config: StationConfig }
  | { ok: false; problem: ConfigProblem }
  | { ok: false; missing: true };

const unreadable = (messageEn: string, message: string): LoadedConfig => ({
  ok: false,
  problem: { field: '(file)', message, messageEn },
});

/** Reads and checks a station config file; a missing file is not an error (first start). */
export function readStationConfig(file: string): LoadedConfig {
  if (!existsSync(file)) return { ok: false, missing: true };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return unreadable('the file cannot be read', '文件无法读取');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return unreadable('the file is not valid JSON', '文件不是有效的 JSON');
  }
  return checkStationConfig(value);
}

/**
 * One line for the console when a config file is refused: the file, the field, both languages,
 * never the value.
 */
export function configProblemLine(file: string, problem: ConfigProblem): string {
  return `station config ${file} refused: ${problem.message} / ${problem.messageEn}`;
}

/**
 * Writes the config atomically (a temporary file beside it, then a rename) with mode 0600: it
 * may hold the enrolment code until the station has used it.
 */
export function writeStationConfig(file: string, config: StationConfig): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/**
 * A host's start: the config file named with `--config` must exist and be valid; the one in
 * the data directory may be missing (first start: the wizard). Refusals are one line.
 */
export function loadConfigForHost(
  file: string,
  named: boolean,
): { ok: true; fileConfig: StationConfig | null } | { ok: false; line: string } {
  const loaded = readStationConfig(file);
  if (loaded.ok) return { ok: true, fileConfig: loaded.config };
  if ('missing' in loaded) {
    return named
      ? { ok: false, line: `station config ${file} not found / 找不到站点配置文件 ${file}` }
      : { ok: true, fileConfig: null };
  }
  return { ok: false, line: configProblemLine(file, loaded.problem) };
}
