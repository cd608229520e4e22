import { describeServices, emptyServiceCache, type ServiceOptions } from '../services/describe-services.js';
import type { Enricher } from './enricher.js';

/** Fetches and checks the data services' OpenAPI descriptions and PDP metadata, and describes them in the source graph. */
export function serviceDescriptions(options: Omit<ServiceOptions, 'limiter'>): Enricher {
  return async (ctx) => {
    const services = await describeServices(
      ctx.records.filter((r) => r.record.type === 'DataService').flatMap((r) => r.record.quads), ctx.previous.services ?? emptyServiceCache,
      { ...options, limiter: ctx.limiter }, {
        now: ctx.now, genid: ctx.genid,
        onProgress: (descriptionsChecked, descriptionsToCheck) => ctx.report({ phase: 'describing', descriptionsChecked, descriptionsToCheck }),
      });
    return { quads: services.quads, state: { services: services.cache, serviceDigest: services.digest }, stats: { services: services.stats } };
  };
}
