// Composes one web instance: http server → Next.js pages and route handlers, Socket.IO gateway on the same
// port, Kafka feed into the city picture. The embedded launcher and the bin both call this.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClickHouseClient } from '@clickhouse/client';
import { acquireClickHouse, migrate } from '@citybrain/schemas/clickhouse';
import { VENUE_CELLS, VENUES, loadDistricts, segmentArterials } from '@citybrain/schemas/geo';
import { createKafka, keyedProducer } from '@citybrain/service-kit';
import { districtNamesOf } from '@citybrain/schemas/cap';
import type { Kafka } from 'kafkajs';
import { pino, type Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { WebConfig } from '../config.js';
import { createActionHandler } from './actions/action-handler.js';
import { kafkaActionPublisher } from './actions/kafka-publisher.js';
import { Authenticator, tokenFromHeaders } from './auth/authenticator.js';
import { UserDirectory } from './auth/directory.js';
import { createHttpAuth } from './auth/http-auth.js';
import { loadOrCreateSessionSecret } from './auth/session-secret.js';
import { TokenSigner } from './auth/tokens.js';
import { CityPicture } from './city-picture.js';
import { attachGateway, type Gateway } from './gateway.js';
import { startKafkaFeed, type KafkaFeed } from './kafka-feed.js';
import { districtCollection, roadGeometry, venueGeometry } from './geo-feed.js';
import { createWebMetrics } from './metrics.js';
import { prepareNextApp, type NextApp } from './next-app.js';
import { setWebRuntime } from './runtime.js';
import { MAPLIBRE_WORKER_PATH, serveMaplibreWorker } from './vendor-assets.js';

export interface WebDeps {
  logger?: Logger;
  kafka?: Kafka;
  /** A ClickHouse client owned by the caller (the launcher's shared chDB one); otherwise acquired from config. */
  clickhouse?: ClickHouseClient;
  /** Wall clock (epoch ms). */
  now?: () => number;
  /**
   * Pages to serve: Next.js by default. Tests of the gateway alone pass `false` and get Socket.IO and the
   * worker asset only, without paying for Next.
   */
  pages?: boolean;
}

export interface RunningWeb {
  /** http://host:port of the wall (pages, route handlers and Socket.IO). */
  readonly url: string;
  readonly mode: 'prod' | 'dev' | 'none';
  readonly gateway: Gateway;
  /** This instance's Prometheus registry (also served at /metrics to administrators). */
  readonly metrics: Registry;
  stop(): Promise<void>;
}

export async function start(config: WebConfig, deps: WebDeps = {}): Promise<RunningWeb> {
  const logger = (deps.logger ?? pino({ level: config.logLevel })).child({ service: 'web' });
  const now = deps.now ?? Date.now;
  const clickhouse = deps.clickhouse
    ? { client: deps.clickhouse, release: () => Promise.resolve() }
    : acquireClickHouse(config.clickhouse);
  const undo: (() => Promise<void>)[] = [() => clickhouse.release()];
  const stopAll = async (): Promise<void> => {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (error) {
        logger.warn({ err: error }, 'error while stopping web');
      }
    }
  };
  try {
    // Idempotent; lets the REST handlers query even when web starts before ingest and streams.
    await migrate(clickhouse.client);
    const districtList = loadDistricts(config.districtsFile);
    const districts = new Set(districtList.map((d) => d.adcode));
    const metrics = createWebMetrics();
    const picture = new CityPicture({ staleAfterMs: config.staleAfterMs, now });
    const directory = new UserDirectory(config.auth.usersFile, {
      now,
      onReloadError: (error) =>
        logger.error({ err: error }, 'accounts file unreadable; keeping the last good one'),
    });
    const authenticator = new Authenticator(
      directory,
      new TokenSigner(loadOrCreateSessionSecret(config.auth.sessionSecret, config.auth.dataDir)),
      { sessionTtlMs: config.auth.sessionTtlMs, now },
    );
    const httpAuth = createHttpAuth({
      authenticator,
      districts,
      logger,
      metrics,
      cookieSecure: config.auth.cookieSecure,
      now,
    });
    const kafka = deps.kafka ?? createKafka(config.kafkaBrokers, 'citybrain-web', logger);
    const producer = keyedProducer(kafka, { allowAutoTopicCreation: true });
    await producer.connect();
    undo.push(() => producer.disconnect());
    const handleAction = createActionHandler({
      picture,
      publisher: kafkaActionPublisher(producer),
      metrics,
      logger,
      now,
      limits: config.actionLimits,
    });

    let pages: NextApp | undefined;
    const http: Server = createServer((request, response) => {
      if (request.url === MAPLIBRE_WORKER_PATH) {
        serveMaplibreWorker(response);
        return;
      }
      httpAuth
        .handle(request, response)
        .then(async (answered) => {
          if (answered) return;
          if (pages === undefined) {
            response.writeHead(404).end();
            return;
          }
          await pages.handle(request, response);
        })
        .catch((error: unknown) => {
          // The path only: a display sign-in link carries its token in the query string.
          logger.error({ err: error, path: request.url?.split('?')[0] }, 'request handler failed');
          if (!response.headersSent) response.writeHead(500);
          response.end();
        });
    });
    const gateway = attachGateway(
      http,
      { picture, logger, metrics, districts, authenticator, handleAction, now },
      { recoveryMs: config.recoveryMs },
    );
    undo.push(async () => {
      http.closeAllConnections();
      await gateway.close();
    });
    // Next's dev server upgrades /_next/webpack-hmr; Socket.IO keeps /socket.io/ for itself.
    http.on('upgrade', (request, socket, head: Buffer) => {
      if (pages !== undefined && !request.url?.startsWith('/socket.io/'))
        void pages.upgrade(request, socket, head);
    });

    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.http.port, config.http.host, () => resolve());
    });
    const { port } = http.address() as AddressInfo;
    const url = `http://${config.http.host}:${port}`;

    setWebRuntime({
      clickhouse: clickhouse.client,
      metrics: metrics.registry,
      districts: districtCollection(districtList),
      districtCodes: districts,
      districtNames: districtNamesOf(districtList),
      activeAlerts: () => picture.alertList(),
      roads: roadGeometry(segmentArterials()),
      venues: venueGeometry(VENUES, VENUE_CELLS),
      health: () => ({
        ok: true,
        details: {
          activeAlerts: picture.activeAlerts,
          districtsLive: picture.districtsLive,
          lastLiveAgeMs: picture.lastLiveAt === undefined ? null : now() - picture.lastLiveAt,
        },
      }),
      principalOf: (request) =>
        authenticator.authenticate(
          tokenFromHeaders({
            authorization: request.headers.get('authorization'),
            cookie: request.headers.get('cookie'),
          }),
        ),
    });
    undo.push(() => Promise.resolve(setWebRuntime(undefined)));

    if (deps.pages !== false) {
      const started = Date.now();
      pages = await prepareNextApp({ mode: config.mode, hostname: config.http.host, port });
      undo.push(() => pages?.close() ?? Promise.resolve());
      logger.info({ mode: pages.mode, ms: Date.now() - started }, 'next.js ready');
    }

    const feed: KafkaFeed = await startKafkaFeed(
      { kafka, logger, metrics },
      { groupId: config.groupId },
      {
        onAlert: (event) => gateway.publishAlert(event),
        onLive: (aggregate) => gateway.publishLive(aggregate),
      },
    );
    // Stop consuming before the sockets close, so no delta is emitted into a closing server.
    undo.push(() => feed.stop());

    logger.info({ url, groupId: config.groupId }, 'web running');
    return { url, mode: pages?.mode ?? 'none', gateway, metrics: metrics.registry, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
