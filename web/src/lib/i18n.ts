import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MESSAGES, type MessageKey } from './messages.js';
import { onServer } from './page-location.js';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
const STORAGE_KEY = 'fedcat-lang';

function isLang(v: unknown): v is Lang {
  return v === 'nl' || v === 'en';
}

/** The language to start in: `?lang=` of the page, then the reader's last choice, then the page's own, then Dutch. */
function initialLang(): Lang {
  if (onServer()) return 'nl';
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch { /* storage blocked: fine */ }
  const page = document.documentElement.lang.slice(0, 2);
  return isLang(page) ? page : 'nl';
}

let current: Lang = initialLang();
const hosts = new Set<ReactiveControllerHost>();

/** The UI language now. */
export function lang(): Lang {
  return current;
}

/** Re-renders every element that shows text (after a language change or when vocabulary labels arrive). */
export function refreshAll(): void {
  for (const h of hosts) h.requestUpdate();
}

/** Switches the UI language, remembers it and marks the document (screen readers, hyphenation). */
export function setLang(next: Lang): void {
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* storage blocked */ }
  document.documentElement.lang = next;
  refreshAll();
}

/** The language a server-rendered page is written in (no storage, no document: the server has neither). */
export function renderIn(next: Lang): void {
  current = next;
}

/** The plural category of a count in the current language (`one`, `other`, …), by Intl.PluralRules. */
const pluralRules: Record<Lang, Intl.PluralRules> = { nl: new Intl.PluralRules('nl-NL'), en: new Intl.PluralRules('en-GB') };

/**
 * A UI string in the current language; `{name}` placeholders are filled from `vars` (as text, never markup), and
 * `{name:one|other}` chooses the word for the count in `vars[name]` by the language's plural rules ("1 fout", "2 fouten").
 */
export function t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  const text = MESSAGES[current][key];
  if (!vars) return text;
  // Placeholders first, so a plural's words may hold one ("{n:Het ene|Alle {n}}").
  return text
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, name: string, one: string, other: string) => {
      if (!(name in vars)) return m;
      const count = Number(String(vars[name]).replace(/[^\d.-]/g, ''));
      return pluralRules[current].select(count) === 'one' ? one : other;
    });
}

/** The current language's half of a Dutch/English pair the API sent. */
export function inLang(pair: { readonly nl: string; readonly en: string }): string {
  return pair[current];
}

/** A date or date-time as the reader writes it. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(current === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A number with the reader's digit grouping. */
export function formatNumber(n: number): string {
  return n.toLocaleString(current === 'nl' ? 'nl-NL' : 'en-GB');
}

/** Re-renders its element whenever the language changes. */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void { hosts.add(this.host); }
  hostDisconnected(): void { hosts.delete(this.host); }
}
