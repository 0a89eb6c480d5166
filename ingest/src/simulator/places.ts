// Places the simulator puts people and sensors: project data drawn by hand from public maps (WGS-84,
// roughly 200–500 m accuracy), like the venues and arterials in @citybrain/schemas/geo.

export interface CommercialCentre {
  id: string;
  name: { zh: string; en: string };
  lon: number;
  lat: number;
  /** People in the centre's busiest cell at the evening peak. */
  peakPerCell: number;
}

/** Shopping and business districts: their cells make the background of the crowd heat map. */
export const COMMERCIAL_CENTRES: readonly CommercialCentre[] = [
  {
    id: 'huaqiangbei',
    name: { zh: '华强北', en: 'Huaqiangbei' },
    lon: 114.0865,
    lat: 22.5445,
    peakPerCell: 4_000,
  },
  {
    id: 'futian-cbd',
    name: { zh: '福田中心区', en: 'Futian CBD' },
    lon: 114.058,
    lat: 22.534,
    peakPerCell: 3_500,
  },
  { id: 'guomao', name: { zh: '国贸', en: 'Guomao' }, lon: 114.118, lat: 22.539, peakPerCell: 3_000 },
  { id: 'houhai', name: { zh: '后海', en: 'Houhai' }, lon: 113.937, lat: 22.522, peakPerCell: 3_000 },
  {
    id: 'science-park',
    name: { zh: '科技园', en: 'Science Park' },
    lon: 113.947,
    lat: 22.54,
    peakPerCell: 2_800,
  },
  {
    id: 'sea-world',
    name: { zh: '蛇口海上世界', en: 'Shekou Sea World' },
    lon: 113.915,
    lat: 22.486,
    peakPerCell: 2_500,
  },
  {
    id: 'baoan-centre',
    name: { zh: '宝安中心', en: "Bao'an Centre" },
    lon: 113.883,
    lat: 22.556,
    peakPerCell: 2_200,
  },
  { id: 'xixiang', name: { zh: '西乡', en: 'Xixiang' }, lon: 113.87, lat: 22.58, peakPerCell: 1_800 },
  {
    id: 'longhua-centre',
    name: { zh: '龙华中心', en: 'Longhua Centre' },
    lon: 114.03,
    lat: 22.655,
    peakPerCell: 2_000,
  },
  {
    id: 'longgang-centre',
    name: { zh: '龙岗中心城', en: 'Longgang Central City' },
    lon: 114.245,
    lat: 22.72,
    peakPerCell: 2_000,
  },
];

/**
 * Town centres away from the arterials, so districts with few drawn roads (Yantian, Pingshan, Guangming,
 * Dapeng in Longgang) still get sensors on land.
 */
export const TOWN_CENTRES: readonly (readonly [number, number])[] = [
  [114.236, 22.558], // Yantian
  [114.27, 22.59], // Yantian port
  [114.35, 22.708], // Pingshan
  [113.935, 22.748], // Guangming
  [113.9, 22.775], // Gongming
  [114.48, 22.595], // Dapeng
  [114.12, 22.605], // Buji
  [114.21, 22.65], // Henggang
  [114.04, 22.62], // Minzhi
  [114.06, 22.72], // Guanlan
  [113.82, 22.67], // Fuyong
  [113.83, 22.73], // Shajing
  [113.85, 22.78], // Songgang
  [114.1, 22.56], // Sungang
  [114.02, 22.55], // Xiangmihu
];

/**
 * Where a surge at a venue concentrates: the spots police watch at Shenzhen Bay Park (on a Qingming
 * holiday police found four crowded nodes on the heat map). Each is mapped to the venue cell that holds it.
 */
export const SURGE_NODES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  'shenzhen-bay-park': [
    [113.942, 22.506], // west end, by the Shenzhen Bay Bridge landing
    [113.955, 22.516], // Houhai promenade
    [113.968, 22.52], // central lawns
    [113.982, 22.52], // east end, towards Futian
  ],
};
