import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HarvestError, type FetchPolicy } from '@fedcat/harvester';
import { customProfile, loadValidator, reportText, reportTurtle, type Validator } from '@fedcat/shapes';
import { openForValidation, UnreadableDocument, validateDocument, type DryRunDocument } from '../validation/dry-run.js';
import { Validators } from '../validation/validators.js';
import { UsageError } from './usage-error.js';

export interface ValidateFlags {
  readonly profile?: string;
  readonly shapes?: readonly string[];
  readonly format?: string;
  readonly lang?: string;
}

const FORMATS = ['text', 'json', 'turtle'] as const;

/** Opens a file or an http(s) URL (under the harvester's rules) for a dry run. */
export async function openInput(input: string, policy: FetchPolicy): Promise<DryRunDocument> {
  if (/^https?:\/\//i.test(input)) return openForValidation(input, policy);
  const path = resolve(input);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`no such file: ${input}`);
  if (info.size > policy.maxBytes) throw new UnreadableDocument(`${input} is ${info.size} bytes; fedcat reads at most ${policy.maxBytes} (FEDCAT_HARVEST_MAX_BYTES)`);
  return { body: createReadStream(path), url: pathToFileURL(path).href, contentType: null };
}

/**
 * `fedcat validate FILE|URL`: a dry run on the command line. Prints the grouped report (text, json) or the
 * sh:ValidationReport (turtle); exit 0 when the document conforms, 1 on violations, 2 when it cannot be read.
 */
export async function validateCommand(input: string | undefined, flags: ValidateFlags, settings: { policy: FetchPolicy; defaultProfile: string }): Promise<number> {
  const { policy } = settings;
  if (!input) throw new UsageError('validate needs a file or an http(s) URL');
  const format = flags.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  const lang = flags.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError(`--lang must be nl or en, not '${lang}'`);
  if (flags.profile && flags.shapes?.length) throw new UsageError('give --profile or --shapes, not both');
  // A shipped profile: the harvest profile unless --profile names one.
  const validators = new Validators(settings.defaultProfile, { threads: 0 });
  let result;
  try {
    const validator: Validator = flags.shapes?.length ? await loadValidator(customProfile(flags.shapes.map((f) => resolve(f)))) : await validators.profile(flags.profile);
    result = await validateDocument(await openInput(input, policy), validator, policy);
  } catch (err) {
    if (err instanceof UnreadableDocument || err instanceof HarvestError) {
      console.error(`fedcat: cannot validate ${input}: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    await validators.close();
  }
  if (format === 'json') console.log(JSON.stringify({ ...result.report, statements: result.statements }, null, 2));
  else if (format === 'turtle') process.stdout.write(await reportTurtle(result.summary));
  else process.stdout.write(reportText(result.report, lang));
  return result.report.conforms ? 0 : 1;
}
