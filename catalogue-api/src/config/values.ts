import { UserError } from '../user-error.js';

/** A setting fedcat cannot start with; the message names the variable and what it accepts. */
export class ConfigError extends UserError {
  readonly code = 'CONFIG_INVALID';
}

/** An integer setting within bounds, or `fallback` when unset. */
export function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, not '${value}'`);
  return n;
}

/** An http(s) URL setting; `required` says what needs it when it is missing. */
export function httpUrl(name: string, value: string | undefined, required: string | null): string | undefined {
  const v = value?.trim();
  if (!v) {
    if (required) throw new ConfigError(`${name} is needed ${required}`);
    return undefined;
  }
  if (!URL.canParse(v) || !['http:', 'https:'].includes(new URL(v).protocol)) throw new ConfigError(`${name} must be an http(s) URL, not '${v}'`);
  return v;
}
