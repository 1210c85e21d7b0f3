// Small pieces every screen shares: alerts, status badges, paging, the property tabs.

import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { describe, fieldErrors, request } from './api.js';
import { number } from './format.js';
import { link } from './router.js';
import { paging } from './paging.js';

/** An error in the page's language; data-testid="error-message" is what the browser tests look for. */
export function errorAlert(error) {
  const text = typeof error === 'string' ? error : describe(error);
  const details = typeof error === 'string' ? [] : fieldErrors(error);
  return h('div', { class: 'alert alert-error', role: 'alert', testid: 'error-message' },
    h('p', {}, text),
    details.length ? h('ul', {}, details.map((line) => h('li', {}, line))) : null);
}

export function showError(slot, error) {
  fill(slot, errorAlert(error));
}

export function showSuccess(slot, text, testid) {
  fill(slot, h('div', { class: 'alert alert-success', role: 'status', testid }, h('p', {}, text)));
}

export function clearMessages(slot) {
  slot.replaceChildren();
}

/** A notice status badge; data-status carries the raw value so tests do not depend on the language. */
export function noticeStatusBadge(status, attrs = {}) {
  return h('span', { class: `badge badge-${String(status).toLowerCase()}`, dataset: { status }, ...attrs },
    t(`noticeStatus.${status}`));
}

export function deliveryBadge(status) {
  return h('span', { class: `badge badge-${String(status).toLowerCase()}` }, t(`deliveryStatus.${status}`));
}

/** Previous / next for a Page {page, totalPages, totalItems}; onPage(newPage) loads it. */
export function pager(page, onPage) {
  const shown = paging(page);
  if (!shown) {
    return null;
  }
  const summary = t('paging.summary', { page: shown.page, pages: shown.pages, n: shown.n });
  if (!shown.buttons) {
    return h('p', { class: 'pager-summary muted' }, summary);
  }
  return h('nav', { class: 'pager', 'aria-label': t('paging.label') },
    h('button', { type: 'button', class: 'button', disabled: !shown.previous, onclick: () => onPage(page.page - 1) },
      t('paging.previous')),
    h('span', { class: 'pager-summary', 'aria-live': 'polite' }, summary),
    h('button', { type: 'button', class: 'button', disabled: !shown.next, onclick: () => onPage(page.page + 1) },
      t('paging.next')));
}

export function propertyTabs(propertyId, active) {
  const tab = (name, target) => h('a', {
    class: name === active ? 'tab tab-active' : 'tab',
    href: link('properties', propertyId, target),
    'aria-current': name === active ? 'page' : null,
  }, t(`tabs.${name}`));
  return h('nav', { class: 'tabs', 'aria-label': t('tabs.label') },
    tab('notices', 'notices'), tab('residents', 'residents'), tab('settings', 'settings'));
}

export function pageHeader(title, ...aside) {
  document.title = `${title} · ${t('app.brand')}`;
  return h('div', { class: 'page-header' }, h('h1', { tabindex: '-1' }, title), h('div', { class: 'page-actions' }, aside));
}

/** A labelled form field; answers {field, input}. */
export function field(labelText, input, hint) {
  const id = input.id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) {
    input.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' },
    h('label', { for: id }, labelText),
    input,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

export function loading() {
  return h('p', { class: 'muted loading', role: 'status' }, t('app.loading'));
}

// A message for the next screen, e.g. "saved as a draft but not sent" after a redirect to the draft.
let pendingFlash = null;

export function flashNext(render) {
  pendingFlash = render;
}

/** Shows the flash (if any) in slot; answers whether there was one. */
export function showFlash(slot) {
  if (!pendingFlash) {
    return false;
  }
  fill(slot, pendingFlash());
  pendingFlash = null;
  return true;
}

const OUTCOME_COUNTERS = ['delivered', 'sent', 'pending', 'failed', 'skipped'];

/** A resend's outcome so far, {pending, sent, delivered, failed, skipped}, as coloured counts (zeros left out). */
export function outcomeChips(counts = {}) {
  const shown = OUTCOME_COUNTERS.filter((k) => (counts?.[k] ?? 0) > 0);
  if (!shown.length) {
    return h('span', { class: 'muted' }, '—');
  }
  return shown.map((k) => h('span', { class: `chip seg-${k}-soft`, dataset: { count: k, value: String(counts[k]) } },
    `${t(`stats.${k}`)} ${number(counts[k])}`));
}

/**
 * Downloads a CSV the API streams. A plain link cannot carry the bearer header, so the file is fetched and handed to
 * the browser as a blob; the button says it is working meanwhile.
 */
export async function downloadCsv(button, path, filename, onError) {
  button.disabled = true;
  const label = button.textContent;
  button.textContent = t('recipients.exporting');
  try {
    const response = await request('GET', path, { raw: true });
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const anchor = h('a', { href: url, download: filename, hidden: true });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    onError(error);
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}
