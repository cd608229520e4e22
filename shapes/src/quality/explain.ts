import { DIMENSION_LABELS, RATING_LABELS } from './metrics.js';
import { meets } from './score.js';
import type { AggregateQuality, IndicatorScore, RecordQuality } from './score.js';

/** The languages explanations come in. */
export type Lang = 'nl' | 'en';

const WORDS = {
  met: { en: 'met', nl: 'voldaan' },
  notMet: { en: 'not met', nl: 'niet voldaan' },
  noDistribution: { en: 'not measured: the dataset has no distribution', nl: 'niet gemeten: de dataset heeft geen distributie' },
  notChecked: { en: 'not measured: the link was not checked (yet)', nl: 'niet gemeten: de link is (nog) niet gecontroleerd' },
  noDownload: { en: 'not measured: no download URL', nl: 'niet gemeten: geen download-URL' },
  notValidated: { en: 'not measured: the record was not validated', nl: 'niet gemeten: het record is niet gevalideerd' },
} as const;

/** Why an indicator has its points, in one line: met or not with the evidence, or why it was not measured. */
export function explainIndicator(i: IndicatorScore, lang: Lang, record: Pick<RecordQuality, 'bestDistribution' | 'indicators'>): string {
  const m = i.measurement;
  if (!m) {
    if (i.metric.id === 'dcatApCompliance') return WORDS.notValidated[lang];
    if (i.metric.on === 'distribution' && record.bestDistribution === null) return WORDS.noDistribution[lang];
    const download = record.indicators.find((x) => x.metric.id === 'downloadUrlAvailability')?.measurement;
    if (i.metric.id === 'downloadUrlStatusCode' && download?.value !== true) return WORDS.noDownload[lang];
    return WORDS.notChecked[lang];
  }
  const verdict = meets(m) ? WORDS.met[lang] : WORDS.notMet[lang];
  return m.note ? `${verdict} (${m.note})` : verdict;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** A record's score as text: total and rating, then per dimension each indicator with points and explanation. */
export function qualityText(q: RecordQuality, lang: Lang): string {
  const lines = [`${q.dataset}`, `  MQA ${q.score}/${q.max} (${RATING_LABELS[q.rating][lang]})`];
  if (q.bestDistribution) lines.push(`  ${lang === 'nl' ? 'beste distributie' : 'best distribution'}: ${q.bestDistribution}`);
  for (const d of q.dimensions) {
    lines.push(`  ${DIMENSION_LABELS[d.dimension][lang]} ${d.score}/${d.max}`);
    for (const i of q.indicators.filter((x) => x.metric.dimension === d.dimension)) {
      lines.push(`    ${pad(`${i.points}/${i.metric.weight}`, 6)} ${pad(i.metric.label[lang], 56)} ${explainIndicator(i, lang, q)}`);
    }
  }
  return lines.join('\n');
}

/** A set of records' quality as text: average and rating, then per indicator how many records meet it. */
export function aggregateText(a: AggregateQuality, lang: Lang): string {
  const lines = [`  MQA ${a.score}/${a.max} (${RATING_LABELS[a.rating][lang]}), ${a.records} datasets`];
  for (const i of a.indicators) {
    lines.push(`    ${pad(`${Math.round(i.share * 100)} %`, 6)} ${pad(i.metric.label[lang], 56)} ${i.met}/${a.records}`);
  }
  return lines.join('\n');
}
