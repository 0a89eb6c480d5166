// Scenarios are parameter curves over simulated time since the run started: pure functions, so a test can
// ask what the city looks like 30 minutes into a holiday surge without running anything.
import { smoothstep } from './curves.js';

export const SCENARIO_NAMES = ['normal', 'holiday-surge', 'rainstorm', 'evening-rush'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface VenueSurge {
  venueId: string;
  /** People present as a share of the venue's capacity (1.3 = 130 %), whatever the hour. */
  occupancy: number;
  /** Extra pull of the venue's node cells: a node holds (1 + nodePull) × its normal share. */
  nodePull: number;
}

export interface ScenarioState {
  /** Storm strength 0..1: rain gauges read their peak (50–100 mm/h) at 1. */
  rain: number;
  /** Progress 0..1 of the water rise (full rise in low-lying districts at 1). */
  flood: number;
  /** Multiplier on crowds at venues and shopping districts, other than a surging venue. */
  crowdFactor: number;
  surge: VenueSurge | undefined;
  /** Multiplier on road demand city-wide. */
  trafficDemand: number;
  /** Extra demand share on named arterials, e.g. { shennan: 0.3 } = 30 % more traffic on Shennan Blvd. */
  arterialDemand: Readonly<Record<string, number>>;
  /** Multiplier on free-flow speed: drivers slow down in heavy rain. */
  speedFactor: number;
  /** Multiplier on the rate of traffic incidents. */
  incidentRate: number;
}

export interface Scenario {
  name: ScenarioName;
  description: string;
  /** Local (Shenzhen) time of day the clock starts at when no start time is given; otherwise now. */
  startsAtLocal: { hour: number; minute: number } | undefined;
  stateAt(elapsedMinutes: number): ScenarioState;
}

const CALM: ScenarioState = {
  rain: 0,
  flood: 0,
  crowdFactor: 1,
  surge: undefined,
  trafficDemand: 1,
  arterialDemand: {},
  speedFactor: 1,
  incidentRate: 1,
};

/** Shenzhen Bay Park fills from 30 % to 130 % of its capacity over 30 minutes, then creeps on to 135 %. */
function holidaySurge(elapsed: number): ScenarioState {
  const buildUp = smoothstep(elapsed / 30);
  return {
    ...CALM,
    crowdFactor: 1.6, // other venues moderately busy: a holiday, but the crowd went to the bay
    surge: {
      venueId: 'shenzhen-bay-park',
      occupancy: 0.3 + 1.0 * buildUp + 0.05 * smoothstep((elapsed - 30) / 30),
      nodePull: 4 * buildUp,
    },
    trafficDemand: 1.1,
    arterialDemand: { binhai: 0.25, 'shahe-west': 0.2 }, // the roads to the park
  };
}

/** A rainstorm cell: rain builds to its peak in 30 minutes; water rises over 40 minutes in the lowlands. */
function rainstorm(elapsed: number): ScenarioState {
  const rain = smoothstep(elapsed / 30);
  return {
    ...CALM,
    rain,
    flood: smoothstep(elapsed / 40),
    crowdFactor: 1 - 0.5 * rain,
    trafficDemand: 1 + 0.1 * rain,
    speedFactor: 1 - 0.25 * rain,
    incidentRate: 1 + 2 * rain,
  };
}

/** From 17:00 the evening peak builds, heaviest on the three east–west arterials. */
function eveningRush(elapsed: number): ScenarioState {
  const buildUp = smoothstep(elapsed / 60);
  const extra = 0.35 * buildUp;
  return {
    ...CALM,
    trafficDemand: 1 + 0.05 * buildUp,
    arterialDemand: { shennan: extra, beihuan: extra, binhai: extra },
    incidentRate: 1.5,
  };
}

export const SCENARIOS: Readonly<Record<ScenarioName, Scenario>> = {
  normal: {
    name: 'normal',
    description: 'an ordinary day: crowds, traffic and air follow the clock',
    startsAtLocal: undefined,
    stateAt: () => CALM,
  },
  'holiday-surge': {
    name: 'holiday-surge',
    description: 'a public holiday: Shenzhen Bay Park overfills within 30 minutes, four crowded nodes',
    startsAtLocal: undefined,
    stateAt: holidaySurge,
  },
  rainstorm: {
    name: 'rainstorm',
    description: 'a rainstorm: 50–100 mm/h, water rising in the low-lying districts over 40 minutes',
    startsAtLocal: undefined,
    stateAt: rainstorm,
  },
  'evening-rush': {
    name: 'evening-rush',
    description: 'the evening rush from 17:00, Shennan, Beihuan and Binhai jamming first',
    startsAtLocal: { hour: 17, minute: 0 },
    stateAt: eveningRush,
  },
};

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}
