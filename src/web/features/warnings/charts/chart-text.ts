/** Pieces the chart options share. Pure: the options are built and tested without a browser. */

/** Tooltip formatters return HTML; names typed by people (projects, enterprises) are escaped first. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Fills `{name}` placeholders (the same rule as lib/i18n's, kept here so charts need no DOM). */
export const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
