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
