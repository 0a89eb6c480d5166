// `npm run demo` stopped the way a person stops it: Ctrl-C in the terminal, which signals the launcher's whole
// process group at once (kcat included). Every service must drain and the launcher exit 0; the mock Kafka
// must still be there while ingest and streams commit.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@citybrain/devstack/testing';
import { afterAll, describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../src/bin/demo.ts', import.meta.url));

interface LogLine {
  msg?: string;
  level?: number;
  service?: string;
  component?: string;
}

/** pino's level for warn; error is 50. */
const WARN = 40;

describe('npm run demo: Ctrl-C', () => {
  let dataDir: string | undefined;
  let demo: ChildProcess | undefined;

  afterAll(() => {
    // If the test failed, stop whatever is left: on SIGTERM the launcher stops everything it started, the
    // mock in its own process group included (a SIGKILL would leave the mock running).
    if (demo?.pid !== undefined && demo.exitCode === null) process.kill(-demo.pid, 'SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops every service cleanly when the terminal interrupts the whole process group', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'citybrain-demo-stop-'));
    demo = spawn(process.execPath, ['--import', 'tsx', DEMO], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      // A group of its own, as a shell gives a foreground job, so the whole group can be signalled.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        CHDB_PATH: join(dataDir, 'chdb'),
        DATA_DIR: dataDir,
        INGEST_HTTP_PORT: '0',
        STREAMS_HTTP_PORT: '0',
        WEB_PORT: '0',
        SIM_RATE: '2000',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    demo.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    demo.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = once(demo, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const messages = (from = 0): LogLine[] =>
      output
        .slice(from)
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine);

    await waitFor(
      () => output,
      (text) => text.includes('stop with Ctrl-C'),
      { timeoutMs: 90_000, what: 'the demo to print its URLs' },
    );
    // Rows flowing through ingest, so the drain has real work (a batch to insert, offsets to commit).
    const metricsUrl = /ingest metrics\s+(\S+)/.exec(output)?.[1];
    expect(metricsUrl).toBeDefined();
    const rowsInserted = async (): Promise<number> => {
      const text = await (await fetch(metricsUrl as string)).text();
      return [...text.matchAll(/^citybrain_ingest_rows_inserted_total\{[^}]*\} (\d+)/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    };
    await waitFor(rowsInserted, (n) => n > 0, { timeoutMs: 60_000, what: 'ingest to insert rows' });

    const pid = demo.pid as number;
    const beforeStop = output.length;
    process.kill(-pid, 'SIGINT'); // what the terminal does on Ctrl-C
    let timer: NodeJS.Timeout | undefined;
    const [code] = await Promise.race([
      exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `the demo did not exit within 60 s of Ctrl-C; its last lines: ${output.slice(-1500)}`,
              ),
            ),
          60_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    expect(code).toBe(0);
    const stopping = messages(beforeStop);
    const said = stopping.map((m) => m.msg);
    expect(said).toContain('ingest stopped');
    expect(said).toContain('streams stopped');
    // Nothing went wrong on the way down: no Kafka connection refused while committing, no failed commit.
    expect(stopping.filter((m) => (m.level ?? 0) >= WARN)).toEqual([]);
  }, 150_000);
});
