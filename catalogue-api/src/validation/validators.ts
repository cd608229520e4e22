import { loadValidatorPool, profileById, type Validator } from '@fedcat/shapes';

/**
 * Validators of the shipped profiles, one pool of `size` worker threads per profile, each loaded on first use:
 * validating takes seconds of CPU, which must never stall an event loop. Harvests use every core; the API's dry
 * runs one thread per profile.
 */
export class ProfileValidators {
  private readonly loaded = new Map<string, Promise<Validator>>();

  constructor(private readonly size?: number) {}

  /** The validator of a shipped profile; undefined for an unknown id. */
  get(profileId: string): Promise<Validator> | undefined {
    const profile = profileById(profileId);
    if (!profile) return undefined;
    let v = this.loaded.get(profile.id);
    if (!v) {
      v = loadValidatorPool(profile, this.size);
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
