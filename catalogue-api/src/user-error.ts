/**
 * An error the user can fix (a command given wrongly, a setting, a registration, a document): the CLI prints its
 * message as `fedcat: <message>` and exits with `exitCode`; the API's one error handler maps each subclass to its
 * problem. `code` names the case for programs; nothing compares messages.
 */
export abstract class UserError extends Error {
  abstract readonly code: string;
  /** The CLI's exit code for it: 2 (the command or its input was wrong) unless a subclass says otherwise. */
  readonly exitCode: number = 2;
}
