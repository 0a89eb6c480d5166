import { loadDistricts, DistrictIndex } from '@citybrain/schemas/geo';
import { crowdHeat, sensorReading, trafficFlow, trafficIncident } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import { createFeed } from './src/simulator/feed.js';
import { atLocalTime } from './src/simulator/local-time.js';
const scenario = (process.argv[2] ?? 'holiday-surge') as any;
const startHour = Number(process.argv[3] ?? 15);
const districts = new DistrictIndex(loadDistricts());
const start = atLocalTime(Date.parse('2026-04-05T00:00:00Z'), startHour);
const { model, generator: gen, plan } = createFeed({ seed: 42, scenario, runId: 't', startMs: start, districts });
console.log(plan);
const validators: any = { [TOPICS.crowdHeat]: crowdHeat, [TOPICS.sensorReadings]: sensorReading, [TOPICS.trafficFlow]: trafficFlow, [TOPICS.trafficIncidents]: trafficIncident };
let bad = 0;
for (let m = 0; m <= 60; m += 10) {
  const ev = gen.eventsUntil(start + m * 60_000 + 59_999);
  for (const e of ev) { const r = validators[e.topic].safeParse(e.value); if (!r.success) { bad++; } }
  const flows = ev.filter(e => e.topic === TOPICS.trafficFlow).map(e => e.value as any);
  const ratio = (f: any[]) => (f.reduce((a, x) => a + x.speedKmh / x.freeFlowKmh, 0) / f.length).toFixed(2);
  const named = (p: string) => ratio(flows.filter(f => f.segmentId.startsWith(p)));
  const byKind: Record<string, number[]> = {};
  for (const e of ev) if (e.topic === TOPICS.sensorReadings) (byKind[(e.value as any).kind + ((e.value as any).kind === 'water.level' ? (model.sensors.find(s => s.sensorId === (e.value as any).sensorId)!.site.lowland ? '.low' : '.high') : '')] ??= []).push((e.value as any).value);
  const fmt = Object.entries(byKind).sort().map(([k, v]) => `${k}:${Math.min(...v).toFixed(1)}..${Math.max(...v).toFixed(1)}`).join(' ');
  const inc = ev.filter(e => e.topic === TOPICS.trafficIncidents).length;
  console.log(`t+${m} ${ev.length} all ${ratio(flows)} shennan ${named('shennan')} beihuan ${named('beihuan')} binhai ${named('binhai')} meiguan ${named('meiguan')} inc ${inc} | ${fmt}`);
}
console.log('bad', bad);
