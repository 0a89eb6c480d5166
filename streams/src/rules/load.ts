// Reads and validates the rules file. Every problem is reported with its path in the file
// (`rules[2].levels: thresholds must increase …`), so whoever edits thresholds can fix them without reading code.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { rulesFile, toRulesConfig, type RulesConfig } from './schema.js';

export class RulesFileError extends Error {
  override readonly name = 'RulesFileError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid rules file ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path)
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  return text === '' ? '(root)' : text;
}

export function describeRulesIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${pathText(issue.path)}: ${issue.message}`);
}

/** Parses rules from text already read; `name` only labels errors (and picks YAML vs JSON by extension). */
export function parseRules(text: string, name: string): RulesConfig {
  let raw: unknown;
  try {
    raw = extname(name).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new RulesFileError(name, [`cannot parse: ${(error as Error).message}`]);
  }
  const parsed = rulesFile.safeParse(raw);
  if (!parsed.success) throw new RulesFileError(name, describeRulesIssues(parsed.error));
  return toRulesConfig(parsed.data);
}

export function loadRules(file: string): RulesConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RulesFileError(file, [`cannot read: ${(error as Error).message}`]);
  }
  return parseRules(text, file);
}
