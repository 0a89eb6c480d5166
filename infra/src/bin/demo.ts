// `npm run demo`: the whole system on embedded defaults. Ctrl-C stops it cleanly.
import { runService } from '@citybrain/service-kit';
import { pino } from 'pino';
import { loadLauncherConfig } from '../config.js';
import { startEmbedded } from '../launcher.js';

// Every service's configuration is loaded inside startEmbedded; a bad value in any of them is the same
// ConfigError (a bad rules file included), which runService reports by name.
await runService(loadLauncherConfig, async (config) => {
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
  const system = await startEmbedded(config, logger);
  const lines = Object.entries(system.urls).map(([name, url]) => `  ${name.padEnd(16)} ${url}`);
  process.stdout.write(
    `\ncitybrain is running (embedded mode)\n  kafka brokers    ${system.brokers.join(',')}\n${lines.join('\n')}\n  stop with Ctrl-C\n\n`,
  );
  return system;
});
