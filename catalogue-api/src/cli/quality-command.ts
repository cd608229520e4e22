import { checkLinks, HarvestError, HostLimiter, type FetchPolicy } from '@fedcat/harvester';
import { aggregateText, assessDatasets, complianceOf, datasetsIn, indexQuads, linksOf, qualityText, qualityVocabularies } from '@fedcat/shapes/quality';
import type { LinkCheckSettings } from '../config/load-config.js';
import { aggregateQualityJson, recordQualityJson } from '../quality/quality-json.js';
import { UnreadableDocument, validateDocument } from '../validation/dry-run.js';
import { Validators } from '../validation/validators.js';
import { UsageError } from './usage-error.js';
import { openInput } from './validate-command.js';

export interface QualityFlags {
  readonly profile?: string;
  readonly format?: string;
  readonly lang?: string;
  readonly offline?: boolean;
}

/** What the command needs from configuration: the harvest's fetch policy, default profile and link-check bounds. */
export interface QualitySettings {
  readonly policy: FetchPolicy;
  readonly profile: string;
  readonly linkCheck: LinkCheckSettings | null;
  readonly perHost: number;
}

/**
 * `fedcat quality FILE|URL`: the MQA score of every dataset in a catalogue, explained per indicator, without storing
 * anything. DCAT-AP compliance comes from validating with the harvest profile; links are checked as a harvest
 * checks them (bounded, polite, under the address policy) unless `--offline`. Exit 0, or 2 when unreadable.
 */
export async function qualityCommand(input: string | undefined, flags: QualityFlags, settings: QualitySettings): Promise<number> {
  if (!input) throw new UsageError('quality needs a file or an http(s) URL');
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const lang = flags.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError(`--lang must be nl or en, not '${lang}'`);
  const validators = new Validators(settings.profile, { threads: 0 });
  let result;
  let profile;
  try {
    const validator = await validators.profile(flags.profile);
    profile = validator.profile;
    result = await validateDocument(await openInput(input, settings.policy), validator, settings.policy);
  } catch (err) {
    if (err instanceof UnreadableDocument || err instanceof HarvestError) {
      console.error(`fedcat: cannot assess ${input}: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    await validators.close();
  }
  const quads = result.quads;
  let links: Record<string, { status: number; reason?: string }> = {};
  if (!flags.offline && settings.linkCheck) {
    const index = indexQuads(quads);
    const urls = [...new Set(datasetsIn(quads).flatMap((d) => linksOf(index, d)))];
    if (urls.length) console.error(`checking ${urls.length} links (at most ${settings.linkCheck.maxChecks}; --offline skips this)…`);
    links = (await checkLinks(urls, {}, {
      ...settings.linkCheck, policy: settings.policy, limiter: new HostLimiter(settings.perHost),
      onProgress: (done, of) => { if (done % 25 === 0 || done === of) console.error(`  ${done}/${of} links checked`); },
    })).links;
  }
  const { records, aggregate } = assessDatasets(quads, {
    vocabularies: await qualityVocabularies(), links: (u) => links[u], compliant: complianceOf(quads, result.summary),
  });
  if (format === 'json') {
    console.log(JSON.stringify({ profile: profile.id, ...aggregateQualityJson(aggregate), datasets: records.map((r) => recordQualityJson(r.quality)) }, null, 2));
    return 0;
  }
  if (records.length === 0) {
    console.log(lang === 'nl' ? 'Geen datasets gevonden.' : 'No datasets found.');
    return 0;
  }
  console.log(records.map((r) => qualityText(r.quality, lang)).join('\n\n'));
  console.log(`\n${lang === 'nl' ? 'Alle datasets' : 'All datasets'} (${profile.id}${flags.offline || !settings.linkCheck ? (lang === 'nl' ? ', links niet gecontroleerd' : ', links not checked') : ''}):`);
  console.log(aggregateText(aggregate, lang));
  return 0;
}
