import { loadValidator, loadValidatorPool, profileById, PROFILES, type Validator } from '@fedcat/shapes';
import { UserError } from '../user-error.js';

/** The one wording of a profile fedcat does not ship, wherever one is named (a request, a source, a command). */
export function unknownProfileMessage(profileId: string): string {
  return `unknown validation profile '${profileId}': use ${PROFILES.map((p) => p.id).join(', ')}`;
}

/** A validation profile fedcat does not ship. */
export class UnknownProfile extends UserError {
  readonly code = 'UNKNOWN_PROFILE';
  constructor(readonly profileId: string) {
    super(unknownProfileMessage(profileId));
  }
}

/**
 * The one way to a validator: of a shipped profile, or of the configured default (FEDCAT_HARVEST_PROFILE) when none
 * is named. Harvests, dry runs (`POST /v1/validate`, the UI's validator), `fedcat validate` and `fedcat quality` all
 * ask here, so the default is decided once. Each profile's validator is loaded on first use: a pool of `threads`
 * worker threads (validating takes seconds of CPU, which must never stall a server's event loop; harvests use every
 * core, the API's dry runs one thread per profile), or with `threads: 0` on the caller's own thread (a command that
 * validates one document, which a pool would only copy to a worker).
 */
export class Validators {
  private readonly loaded = new Map<string, Promise<Validator>>();

  constructor(readonly defaultProfileId: string, private readonly options: { threads?: number } = {}) {
    if (!profileById(defaultProfileId)) throw new UnknownProfile(defaultProfileId);
  }

  /** The validator of `profileId`, or of the default profile for null or undefined; rejects with UnknownProfile. */
  profile(profileId: string | null | undefined): Promise<Validator> {
    const id = profileId ?? this.defaultProfileId;
    const profile = profileById(id);
    if (!profile) return Promise.reject(new UnknownProfile(id));
    let v = this.loaded.get(profile.id);
    if (!v) {
      v = this.options.threads === 0 ? loadValidator(profile) : loadValidatorPool(profile, this.options.threads);
      this.loaded.set(profile.id, v);
      // A failed load is retried by the next call instead of being remembered.
      v.catch(() => this.loaded.delete(profile.id));
    }
    return v;
  }

  async close(): Promise<void> {
    const all = [...this.loaded.values()];
    this.loaded.clear();
    await Promise.all(all.map(async (v) => (await v.catch(() => null))?.close?.()));
  }
}
