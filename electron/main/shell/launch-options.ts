/**
 * Start options of the Electron station until the station config file lands: the update address
 * (`--update-url URL` or HALL_UPDATE_URL) and the config file named with `--config FILE`.
 */
export interface LaunchOptions {
  updateUrl: string | undefined;
  configPath: string | null;
}

function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function launchOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): LaunchOptions {
  return {
    updateUrl: argValue(argv, 'update-url') || env.HALL_UPDATE_URL || undefined,
    configPath: argValue(argv, 'config') || null,
  };
}
