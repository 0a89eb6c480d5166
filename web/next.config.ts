// Next.js settings for the wall. Pages are served by src/server (custom server), never by `next start`.
import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages are TypeScript sources (their package.json exports point at .ts files).
  transpilePackages: ['@citybrain/schemas'],
  // Native and Node-only packages stay out of Next's bundles: route handlers get the process's shared
  // ClickHouse client from the server runtime instead of opening their own (chDB: one data path per process).
  serverExternalPackages: ['chdb', '@clickhouse/client', 'kafkajs', 'pino', 'prom-client'],
  // `npm run typecheck` (tsc -p web) and `npm run lint` check the code; repeating both inside every build
  // would double the build's time on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // Ops centers run on intranets (DESIGN §6): nothing at run time may reach the internet.
  images: { unoptimized: true },
};

export default config;
