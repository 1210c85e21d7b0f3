// What one resend did: every target it sent (recipient, channel, the address used) with the outcome of that attempt,
// filtered by outcome, a keyed page at a time, downloadable as CSV; kept current by the notice's live stream.

import { h, fill, uid } from '../dom.js';
import { t } from '../i18n.js';
import { get, withQuery } from '../api.js';
import { link } from '../router.js';
import { dateTime } from '../format.js';
import { followNotice } from '../stream.js';
import { errorAlert, deliveryBadge, loading, outcomeChips, downloadCsv, showError } from '../components.js';

const PAGE_SIZE = 50;
const OUTCOMES = ['PENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED'];

export function resendDetailView(main, { noticeId, resendId }) {
  const control = new AbortController();
  const path = `/api/notices/${encodeURIComponent(noticeId)}/resends/${encodeURIComponent(resendId)}/targets`;
  // cursors[i] is the `after` of page i; the first page has none
  const state = { status: '', cursors: [null], index: 0, timer: null };
  // recipientId → the resident's name (null while unknown, or for one that cannot be read any more)
  const names = new Map();

  const title = h('h1', { tabindex: '-1' }, t('resendDetail.targets'));
  const summary = h('p', { class: 'notice-meta', testid: 'resend-summary' });
  const messages = h('div', { class: 'messages' });
  const body = h('div', {}, loading());
  const filterId = uid('filter-outcome');
  const filter = h('select', { id: filterId, testid: 'filter-outcome', onchange: () => {
    state.status = filter.value;
    state.cursors = [null];
    state.index = 0;
    loadPage();
  } }, h('option', { value: '' }, t('resendDetail.anyOutcome')),
  OUTCOMES.map((s) => h('option', { value: s }, t(`deliveryStatus.${s}`))));
  const exportButton = h('button', { type: 'button', class: 'button', testid: 'export-targets', onclick: () => downloadCsv(
    exportButton, withQuery(`${path}.csv`, { status: state.status }), `resend-${resendId}-targets.csv`,
    (error) => showError(messages, error)) }, t('resendDetail.export'));

  document.title = `${t('resendDetail.targets')} · ${t('app.brand')}`;
  fill(main, h('article', { class: 'resend-detail' },
    h('p', { class: 'back-links' }, h('a', { href: link('notices', noticeId), testid: 'back-to-notice' },
      t('resendDetail.back'))),
    h('div', { class: 'page-header' }, h('div', {}, title, summary)),
    messages,
    h('section', { class: 'card table-card', 'aria-labelledby': 'targets-title' },
      h('div', { class: 'section-header' },
        h('h2', { id: 'targets-title' }, t('resendDetail.targets')),
        h('div', { class: 'toolbar' }, h('label', { for: filterId }, t('resendDetail.filter')), filter, exportButton)),
      body)));

  async function loadSummary() {
    try {
      const rows = await get(`/api/notices/${encodeURIComponent(noticeId)}/resends`, { signal: control.signal });
      const row = (Array.isArray(rows) ? rows : []).find((r) => r.resendId === resendId);
      if (!row) {
        return;
      }
      const heading = t('resendDetail.title', { when: dateTime(row.requestedAt) });
      title.textContent = heading;
      document.title = `${heading} · ${t('app.brand')}`;
      fill(summary,
        h('span', { class: `tag tag-${String(row.type).toLowerCase()}` }, t(`type.${row.type}`)), ' ',
        h('span', { class: 'muted' }, t(`scope.${row.scope}`)), ' · ',
        h('span', { class: 'muted' }, t('resendDetail.by', { name: row.requestedBy?.name || row.requestedBy?.id || '' })),
        ' · ', h('span', { class: 'outcome' }, outcomeChips(row.outcome)));
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(messages, error);
      }
    }
  }

  async function loadPage() {
    try {
      const page = await get(withQuery(path, {
        status: state.status, size: PAGE_SIZE, after: state.cursors[state.index],
      }), { signal: control.signal });
      state.cursors[state.index + 1] = page.next;
      renderPage(page);
      resolveNames(page.items || []);
    } catch (error) {
      if (error.name !== 'AbortError') {
        fill(body, error.status === 404 ? h('p', { class: 'empty', testid: 'error-message' },
          t('resendDetail.unavailable')) : errorAlert(error));
      }
    }
  }

  function renderPage(page) {
    const items = page.items || [];
    const empty = state.index === 0 && !page.next ? t('resendDetail.empty') : t('resendDetail.emptyHere');
    fill(body,
      items.length ? h('div', { class: 'table-scroll' }, h('table', { class: 'targets' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('col.recipient')),
          h('th', { scope: 'col' }, t('col.channel')),
          h('th', { scope: 'col' }, t('col.address')),
          h('th', { scope: 'col' }, t('col.result')),
          h('th', { scope: 'col' }, t('col.updated')))),
        h('tbody', {}, items.map(targetRow)))) : h('p', { class: 'empty', testid: 'targets-empty' }, empty),
      pager(page));
  }

  function targetRow(target) {
    const outcome = target.outcome || {};
    return h('tr', {
      testid: 'target-row',
      dataset: { recipientId: target.recipientId, channel: target.channel, status: outcome.status || '' },
    },
    h('th', { scope: 'row' }, h('a', { href: `${link('residents', target.recipientId)}?notice=${encodeURIComponent(noticeId)}`,
      class: 'profile-link', title: t('resendDetail.profile'), dataset: { nameOf: target.recipientId } },
    names.get(target.recipientId) || target.recipientId)),
    h('td', {}, t(`channel.${target.channel}`), target.fallback
      ? h('span', { class: 'tag tag-fallback', testid: 'target-fallback' }, t('resendDetail.fallback')) : null),
    h('td', { class: 'address' }, target.address || ''),
    h('td', {}, h('div', { class: 'cell-status' }, deliveryBadge(outcome.status),
      target.attempt > 1 ? h('span', { class: 'attempt' }, t('recipients.attempt', { n: target.attempt })) : null),
    outcome.errorCode ? h('div', { class: outcome.status === 'FAILED' ? 'delivery-error' : 'delivery-note',
      testid: 'delivery-error', dataset: { code: outcome.errorCode } },
    h('strong', {}, t(`errorCode.${outcome.errorCode}`)),
    outcome.providerCode ? h('span', { class: 'muted' }, ` (${outcome.providerCode})`) : null) : null),
    h('td', { class: 'muted' }, dateTime(outcome.updatedAt)));
  }

  /**
   * The history keeps no names (no event carries them): the page asks the residents API for the residents of the
   * page it shows, four at a time, once each, and puts each name in place of the id as it comes.
   */
  async function resolveNames(items) {
    const queue = [...new Set(items.map((target) => target.recipientId))].filter((id) => !names.has(id));
    queue.forEach((id) => names.set(id, null));
    const worker = async () => {
      while (queue.length && !control.signal.aborted) {
        const id = queue.shift();
        try {
          const resident = await get(`/api/residents/${encodeURIComponent(id)}`, { signal: control.signal });
          names.set(id, resident?.name || null);
        } catch {
          continue; // archived or gone: the row keeps the id
        }
        body.querySelectorAll(`[data-name-of="${CSS.escape(id)}"]`).forEach((cell) => {
          cell.textContent = names.get(id) || id;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  }

  /** Keyed pages have no total: previous goes back along the cursors seen, next follows the page's own. */
  function pager(page) {
    if (state.index === 0 && !page.next) {
      return null;
    }
    return h('nav', { class: 'pager', 'aria-label': t('paging.label') },
      h('button', { type: 'button', class: 'button', testid: 'targets-previous', disabled: state.index === 0,
        onclick: () => turn(-1) }, t('paging.previous')),
      h('button', { type: 'button', class: 'button', testid: 'targets-next', disabled: !page.next,
        onclick: () => turn(1) }, t('paging.next')));
  }

  function turn(step) {
    state.index += step;
    loadPage();
  }

  const stopStream = followNotice(noticeId, {
    onOpen: () => {},
    onDrop: () => {},
    onEvent: ({ event }) => {
      if (event === 'resend' || event === 'refresh') {
        clearTimeout(state.timer);
        state.timer = setTimeout(() => {
          loadSummary();
          loadPage();
        }, 300);
      }
    },
  });

  loadSummary();
  loadPage();

  return () => {
    control.abort();
    stopStream();
    clearTimeout(state.timer);
  };
}
