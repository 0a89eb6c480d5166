// What an alert is about. The key (`venue:shenzhen-bay-park`) is stable across restarts and, with the rule
// id, identifies the one live alert per (rule, subject).
export type SubjectKind = 'venue' | 'cell' | 'segment' | 'district' | 'sensor' | 'incident';

export interface Subject {
  key: string;
  kind: SubjectKind;
  id: string;
  /** District adcode; '' when the subject lies outside every district (no alert can be routed then). */
  district: string;
  cell: string | undefined;
  venueId: string | undefined;
  lat: number;
  lon: number;
}

export function subjectKey(kind: SubjectKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseSubjectKey(key: string): { kind: SubjectKind; id: string } | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  const kind = key.slice(0, colon);
  const kinds: readonly string[] = ['venue', 'cell', 'segment', 'district', 'sensor', 'incident'];
  return kinds.includes(kind) ? { kind: kind as SubjectKind, id: key.slice(colon + 1) } : undefined;
}
