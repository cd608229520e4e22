/** Text made safe for XML or HTML text and double-quoted attribute values (`&`, `<`, `>`, `"`, `'` escaped). */
export const escapeMarkup = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
