import { z } from 'zod';
import { Empty } from './core';
import { StationConfigPublicSchema, StationSetupSchema } from '../../station/config';

/** The station config as the screens see it (never the enrolment code itself). */
export const StationConfigStateSchema = z.object({
  /** false: the first-start wizard is due (nothing else answers until it is done). */
  configured: z.boolean(),
  config: StationConfigPublicSchema.nullable(),
  /** The station config file, when there is one (development flags may configure without). */
  path: z.string().nullable(),
  /** Fields set by development environment variables or flags, which win over the file. */
  overrides: z.array(z.string()),
});
export type StationConfigState = z.infer<typeof StationConfigStateSchema>;

/** Station setup (issue 11): the first-start wizard and the supervisor's later changes. */
export const stationMethods = {
  'station.config': { input: Empty, output: StationConfigStateSchema },
  /** First start only: refused once a config exists. */
  'station.setup': { input: StationSetupSchema, output: StationConfigStateSchema },
  /** A supervisor's change; an absent enrolment code keeps the pending one. Restarts services. */
  'station.update': { input: StationSetupSchema, output: StationConfigStateSchema },
} as const;
