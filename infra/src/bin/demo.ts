// `npm run demo`: the whole system on embedded defaults. Ctrl-C stops it cleanly.
import { ConfigError, runUntilSignal } from '@citybrain/service-kit';
import { RulesFileError } from '@citybrain/streams';
import { pino } from 'pino';
import { loadLauncherConfig } from '../config.js';
import { startEmbedded } from '../launcher.js';

try {
  const config = loadLauncherConfig();
  const logger = pino({
    level: config.logLevel,
    ...(config.logFormat === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
          },
        }
      : {}),
  });
  await runUntilSignal(async () => {
    const system = await startEmbedded(config, logger);
    const lines = Object.entries(system.urls).map(([name, url]) => `  ${name.padEnd(16)} ${url}`);
    process.stdout.write(
      `\ncitybrain is running (embedded mode)\n  kafka brokers    ${system.brokers.join(',')}\n${lines.join('\n')}\n  stop with Ctrl-C\n\n`,
    );
    return system;
  });
} catch (error) {
  // Every service's ConfigError is service-kit's one class; its message names each bad variable.
  if (error instanceof ConfigError || error instanceof RulesFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
