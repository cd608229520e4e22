/** A command given wrongly: reported as `fedcat: <message>` with exit code 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
}
