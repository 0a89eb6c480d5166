// What one wall page spends per live tick (`npm run bench:tick -w @citybrain/web`): 400 ticks of the nine
// districts (200 heat cells each, a tenth of them changing per tick) encoded by the gateway's delta
// encoder, then in one process: Socket.IO's decode of the frames, and the page's path (decodeLive, store
// update) both for a page that does not draw heat and for one that reads every district's heat each tick,
// as the heat layer does (a wall draws on a tick's store update). Figures only, CPU time per tick here.
import { loadDistricts } from '@citybrain/schemas/geo';
import type { LiveAggregate } from '@citybrain/schemas/events';
import { Decoder } from 'socket.io-parser';
import {
  LiveDeltaEncoder,
  decodeLive,
  fromWireSnapshot,
  toWireSnapshot,
  type WireLiveAggregate,
} from '../src/realtime/live-wire.js';
import { createWallStore, type WallStore } from '../src/wall/store/wall-store.js';
import { cityFixture, liveFixture, wallSnapshotFixture } from '../test/fixtures.js';

const TICKS = 400;
const CELLS = 200;
const CHANGING = 20;

const encoder = new LiveDeltaEncoder();
let districts: LiveAggregate[] = loadDistricts().map((d) => {
  const full = liveFixture(d.adcode, { rings: 8 });
  return { ...full, heat: full.heat.slice(0, CELLS) };
});
const firstTick = [...districts, cityFixture()];
for (const aggregate of firstTick) encoder.encode(aggregate);
const frames: string[] = [];
for (let t = 1; t <= TICKS; t++) {
  const ts = new Date(Date.now() + t * 2_000).toISOString();
  districts = districts.map((d) => ({
    ...d,
    seq: t + 1,
    ts,
    heat: d.heat.map((c, i) => ((i + t * CHANGING) % CELLS < CHANGING ? { ...c, people: c.people + 1 } : c)),
  }));
  const tick = [...districts, { ...cityFixture(ts), seq: t + 1 }].map((a) => encoder.encode(a));
  // Socket.IO's EVENT packet as the gateway sends it.
  frames.push(`2${JSON.stringify(['live', tick])}`);
}

const ticks: WireLiveAggregate[][] = [];
const decoder = new Decoder();
decoder.on('decoded', (packet: { data?: unknown }) => {
  ticks.push((packet.data as [string, WireLiveAggregate[]])[1]);
});
const started = performance.now();
for (const frame of frames) decoder.add(frame);
const parseUs = ((performance.now() - started) * 1_000) / TICKS;

function wallAfterSnapshot(): WallStore {
  const store = createWallStore({ kind: 'city' });
  const snapshot = wallSnapshotFixture({ live: firstTick, serverTime: new Date().toISOString() });
  store.getState().applySnapshot(fromWireSnapshot(toWireSnapshot(snapshot)), Date.now());
  return store;
}

let heatRead = 0;
function applyAll(store: WallStore, readHeat: boolean): number {
  const begun = performance.now();
  for (const tick of ticks) {
    const { live } = store.getState();
    const aggregates = tick.flatMap((wire) => decodeLive(wire, live.get(wire.district)) ?? []);
    store.getState().applyLiveBatch(aggregates);
    if (readHeat) for (const aggregate of store.getState().live.values()) heatRead += aggregate.heat.length;
  }
  return ((performance.now() - begun) * 1_000) / TICKS;
}

const notDrawing = applyAll(wallAfterSnapshot(), false);
const drawingStore = wallAfterSnapshot();
const drawing = applyAll(drawingStore, true);
const cells = [...drawingStore.getState().live.values()].reduce((n, a) => n + a.heat.length, 0);
console.log(
  `live tick on a city wall (${districts.length} districts × ${CELLS} cells, ${CHANGING} changing per tick, ` +
    `~${Math.round((frames[0]?.length ?? 0) / 100) / 10} KB per frame), CPU per tick:`,
);
console.log(`  Socket.IO decode of the frame        ${parseUs.toFixed(0).padStart(5)} µs`);
console.log(`  decode + store, heat not drawn      ${notDrawing.toFixed(0).padStart(5)} µs`);
console.log(
  `  decode + store + every heat read    ${drawing.toFixed(0).padStart(5)} µs  (${cells} cells held, ${heatRead} read in all)`,
);
