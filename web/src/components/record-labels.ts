import { t } from '../lib/i18n.js';

/** The UI label of a facet field or record property. */
export function fieldLabel(field: string): string {
  switch (field) {
    case 'type': return t('field.type');
    case 'publisher': return t('field.publisher');
    case 'theme': return t('field.theme');
    case 'format': return t('field.format');
    case 'license': return t('field.license');
    case 'accessRights': return t('field.accessRights');
    default: return field;
  }
}

/** "Dataset" or "API". */
export function typeLabel(type: string): string {
  return type === 'DataService' ? t('type.dataService') : type === 'Dataset' ? t('type.dataset') : type;
}
