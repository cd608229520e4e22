/** Where an API is in its life, as the API register computes it from `info.x-deprecated` and `info.x-sunset`. */
export type Lifecycle = 'active' | 'deprecated' | 'sunset' | 'retired';

/**
 * The lifecycle status on `today` (YYYY-MM-DD): retired once the sunset date has passed, sunset while one is announced,
 * deprecated once the deprecation date has come, active otherwise. Dates that are not ISO dates are ignored.
 */
export function lifecycleStatus(deprecatedOn: string | null, sunsetOn: string | null, today: string): Lifecycle {
  const sunset = isoDate(sunsetOn);
  if (sunset) return sunset <= today ? 'retired' : 'sunset';
  const deprecated = isoDate(deprecatedOn);
  if (deprecated && deprecated <= today) return 'deprecated';
  return 'active';
}

/** The YYYY-MM-DD part of an ISO date or date-time, or null. */
export function isoDate(value: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(value ?? '').trim());
  return m ? m[1]! : null;
}
