import { t } from './i18n.js';
import type { PageData } from './preload.js';
import type { Route } from './routes.js';
import { lastSegment } from './vocabulary-labels.js';

/** A page's `<title>`: what it shows, then "fedcat" (the record's or organisation's name where the data is at hand). */
export function pageTitle(route: Route, data?: PageData): string {
  switch (route.page) {
    case 'search': return route.state.q ? `${route.state.q} – fedcat` : `fedcat – ${t('app.tagline')}`;
    case 'record': return data?.page === 'record' ? `${data.record.title || data.record.iri} – fedcat` : 'fedcat';
    case 'organisations': {
      const org = route.iri && data?.page === 'organisations' ? data.organisations.find((o) => o.iri === route.iri) : undefined;
      return org ? `${org.name ?? lastSegment(org.iri)} – fedcat` : `${t('nav.organisations')} – fedcat`;
    }
    case 'owner': case 'source': case 'run': return `${t('nav.owner')} – fedcat`;
    case 'validator': return `${t('nav.validator')} – fedcat`;
    case 'query': return `${t('nav.query')} – fedcat`;
    case 'not-found': return `${t('app.notFound')} – fedcat`;
  }
}
