import { sourceGraph } from '@fedcat/catalogue';
import { assessRecords, type QualityOptions } from '../quality/assess-records.js';
import type { Enricher } from './enricher.js';

/** Assesses the MQA quality of the source's datasets (checking their links) and stores it as DQV. */
export function qualityAssessment(options: QualityOptions): Enricher {
  return async (ctx) => {
    const quality = await assessRecords(ctx.records, sourceGraph(ctx.source.id), ctx.previous.links ?? {}, options, {
      now: ctx.now, genid: ctx.genid,
      onLinks: (linksChecked, linksToCheck) => ctx.report({ phase: 'assessing', linksChecked, linksToCheck }),
    });
    return {
      quads: quality.quads,
      state: { links: quality.links, linksDeferred: quality.linkCheck.deferred, qualityDigest: quality.digest },
      stats: {
        quality: {
          datasets: quality.aggregate.records, score: quality.aggregate.score, rating: quality.aggregate.rating,
          linksChecked: quality.linkCheck.checked, linksDeferred: quality.linkCheck.deferred, unmapped: quality.unmapped,
        },
      },
    };
  };
}
