// The notices of a property: status, failure count, paging, and the way to a new notice.

import { h, fill } from '../dom.js';
import { t, joinAnd } from '../i18n.js';
import { get, withQuery } from '../api.js';
import { link } from '../router.js';
import { dateTime, number } from '../format.js';
import { noticeStatusBadge, pager, propertyTabs, pageHeader, showError, loading } from '../components.js';

const PAGE_SIZE = 20;
const STATUSES = ['DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'PARTIALLY_FAILED'];

export function noticeDate(notice) {
  if (notice.sentAt) {
    return t('date.sent', { date: dateTime(notice.sentAt) });
  }
  if (notice.scheduledAt) {
    return t('date.scheduled', { date: dateTime(notice.scheduledAt) });
  }
  return t('date.created', { date: dateTime(notice.createdAt) });
}

export function noticesView(main, { propertyId }) {
  const control = new AbortController();
  const state = { page: 0, status: '' };
  const messages = h('div', { class: 'messages' });
  const results = h('div', { class: 'card table-card' }, loading());
  const statusFilter = h('select', {
    id: 'notice-status-filter', onchange: () => {
      state.status = statusFilter.value;
      state.page = 0;
      load();
    },
  },
  h('option', { value: '' }, t('notices.filter.all')),
  STATUSES.map((s) => h('option', { value: s }, t(`noticeStatus.${s}`))));

  fill(main, h('section', {},
    pageHeader(t('notices.title'),
      h('a', { class: 'button button-primary', href: link('properties', propertyId, 'notices', 'new') }, t('notices.new'))),
    h('p', { class: 'muted' }, t('home.property', { id: propertyId })),
    propertyTabs(propertyId, 'notices'),
    messages,
    h('div', { class: 'toolbar' }, h('label', { for: 'notice-status-filter' }, t('notices.filter')), statusFilter),
    results));

  async function load() {
    try {
      const page = await get(withQuery(`/api/properties/${encodeURIComponent(propertyId)}/notices`,
        { status: state.status, page: state.page, size: PAGE_SIZE }), { signal: control.signal });
      messages.replaceChildren();
      fill(results, table(page), pager(page, (p) => {
        state.page = p;
        load();
      }));
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(messages, error);
        results.replaceChildren();
      }
    }
  }

  function table(page) {
    if (!page.items.length) {
      return h('p', { class: 'empty' }, t('notices.empty'));
    }
    return h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('col.title')),
        h('th', { scope: 'col' }, t('col.status')),
        h('th', { scope: 'col' }, t('col.channels')),
        h('th', { scope: 'col', class: 'num' }, t('col.recipients')),
        h('th', { scope: 'col', class: 'num' }, t('col.failed')),
        h('th', { scope: 'col' }, t('col.date')))),
      h('tbody', {}, page.items.map((notice) => {
        const failed = notice.stats?.failedRecipients ?? 0;
        return h('tr', { testid: 'notice-row', dataset: { noticeId: notice.id } },
          h('td', {}, h('a', { href: link('notices', notice.id) }, notice.title)),
          h('td', {}, noticeStatusBadge(notice.status, { testid: 'notice-status' })),
          h('td', {}, joinAnd((notice.channels || []).map((c) => t(`channel.${c}`)))),
          h('td', { class: 'num' }, number(notice.stats?.recipients ?? 0)),
          h('td', { class: failed > 0 ? 'num text-failed' : 'num', testid: 'notice-failed' }, number(failed)),
          h('td', {}, noticeDate(notice)));
      }))));
  }

  load();
  return () => control.abort();
}
