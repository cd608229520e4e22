import { UserError } from '../user-error.js';

/** A command given wrongly: reported as `fedcat: <message>` with exit code 2. */
export class UsageError extends UserError {
  readonly code = 'USAGE';
}
