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
  const lines = Object.entries(system.urls).map(([name, url]) => `  ${name.padEnd(20)} ${url}`);
  process.stdout.write(
    [
      '',
      'citybrain is running (embedded mode)',
      `  ${'kafka brokers'.padEnd(20)} ${system.brokers.join(',')}`,
      ...lines,
      `  ${'demo accounts'.padEnd(20)} ${system.demoCredentialsFile} (sign in at /login)`,
      '  stop with Ctrl-C',
      '',
      '',
    ].join('\n'),
  );
  return system;
});
