// ClickHouse's TabSeparated text for one value. Ingest writes the event tables as TabSeparated rather than
// JSONEachRow because the engine parses it with ~3 µs less CPU per row (bench, 2026-11-26: 7.6–9.4 against
// 10.8–12.5 µs per row for the same rows), which on two shared cores is ~10 % of ingest's whole cost per
// event. In TabSeparated a field ends at a tab and a row at a newline, and a backslash starts an escape, so
// those are escaped; a carriage return too, which ClickHouse would otherwise take for a Windows line end.
// Every other character, non-ASCII included, is written as it is.

/** A NULL field. */
export const TSV_NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPED: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A string field. Nearly every value has nothing to escape, and then costs one regex test. */
export function tsvString(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (char) => ESCAPED[char] ?? char) : value;
}

/** A nullable number field. A finite number's text is the same as in JSON. */
export function tsvNullable(value: number | undefined): string {
  return value === undefined ? TSV_NULL : String(value);
}
