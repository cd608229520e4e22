import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { CatalogueApi } from '../api/client.js';
import { apiContext } from '../context.js';
import { I18nElement } from './i18n-element.js';
import { pageOrigin } from './page-location.js';

let pageClient: CatalogueApi | undefined;

/**
 * An element that reads the fedcat API: from the client its page provides (the app), or, when it has an `api`
 * attribute, from that fedcat (an element embedded in another site).
 */
export class ApiElement extends I18nElement {
  /** Base URL of the fedcat whose API to read; defaults to the client the page provides, else this page's origin. */
  @property() api = '';
  @consume({ context: apiContext, subscribe: true }) @state() protected provided?: CatalogueApi;
  private own?: CatalogueApi;

  protected get client(): CatalogueApi {
    if (this.api) {
      const wanted = CatalogueApi.at(this.api);
      if (this.own?.base !== wanted.base) this.own = wanted;
      return this.own;
    }
    return this.provided ?? (pageClient ??= new CatalogueApi(`${pageOrigin()}/`));
  }
}
