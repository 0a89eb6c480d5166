import { ConfigError } from './env.js';

// Starts a service and stops it cleanly on SIGTERM/SIGINT (drain, commit, exit 0); a second signal exits now.
export async function runUntilSignal(startService: () => Promise<{ stop(): Promise<void> }>): Promise<void> {
  const service = await startService();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping after ${signal}: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * A service's bin in one call: load its configuration, start it, stop it cleanly on a signal. A bad
 * configuration prints its message (which names each bad variable) and exits 2, without a stack trace.
 */
export async function runService<C>(
  loadConfig: () => C,
  startService: (config: C) => Promise<{ stop(): Promise<void> }>,
): Promise<void> {
  try {
    const config = loadConfig();
    await runUntilSignal(() => startService(config));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
