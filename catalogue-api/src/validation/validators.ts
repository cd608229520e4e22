import { loadValidatorPool, profileById, type Validator } from '@fedcat/shapes';

/**
 * Validators for dry runs, one per profile, each on its own worker thread (loaded on first use): validating a
 * large document takes seconds of CPU, which must not stall the API's event loop.
 */
export class DryRunValidators {
  private readonly loaded = new Map<string, Promise<Validator>>();

  /** The validator of a shipped profile; undefined for an unknown id. */
  get(profileId: string): Promise<Validator> | undefined {
    const profile = profileById(profileId);
    if (!profile) return undefined;
    let v = this.loaded.get(profile.id);
    if (!v) {
      v = loadValidatorPool(profile, 1);
      this.loaded.set(profile.id, v);
      // A failed load is retried by the next request instead of being remembered.
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
