import type Database from 'better-sqlite3';
import { z } from 'zod';
import { createApplicationRepository } from '../applications/repository';
import { createStationSettings, readStationSetting } from '../queue/station-settings';
import { prepared } from './statements';

/**
 * How a database file says whose it is. PRAGMA application_id marks it as this app's (SQLite's
 * header field for exactly that); the station_settings row names the hall and station, so a
 * restore can refuse another station's backup.
 */
export const APP_ID = 0x48414c4c; // "HALL"

export interface StationIdentity {
  hallCode: string;
  stationCode: string;
}

const IDENTITY_KEY = 'station.identity';
const IdentitySchema = z.object({ hallCode: z.string(), stationCode: z.string() });

const hasTable = (db: Database.Database, name: string): boolean =>
  prepared<[string]>(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(
    name,
  ) !== undefined;

/** Marks a migrated database as this app's and this station's (at every start, so it follows a reconfiguration). */
export function stampDatabase(db: Database.Database, identity: StationIdentity): void {
  if (db.pragma('application_id', { simple: true }) !== APP_ID) {
    db.pragma(`application_id = ${APP_ID}`);
  }
  if (!hasTable(db, 'station_settings')) return;
  createStationSettings(db).write(IDENTITY_KEY, identity);
}

/** The recorded identity, or null (a file from before identities were recorded). */
export function readIdentity(db: Database.Database): StationIdentity | null {
  if (!hasTable(db, 'station_settings')) return null;
  const value = readStationSetting(db, IDENTITY_KEY);
  if (value === null) return null;
  try {
    const parsed = IdentitySchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Stations that numbered applications in the file (for files without a recorded identity). */
export function numberingStations(db: Database.Database): string[] {
  if (!hasTable(db, 'app_no_counter')) return [];
  return createApplicationRepository(db).numberingStations();
}

/** This app's file: our application_id, or (older files) none but our applications table. */
export function isOurDatabase(db: Database.Database): boolean {
  const appId = db.pragma('application_id', { simple: true });
  if (appId === APP_ID) return true;
  return appId === 0 && hasTable(db, 'applications') && hasTable(db, 'outbox');
}
