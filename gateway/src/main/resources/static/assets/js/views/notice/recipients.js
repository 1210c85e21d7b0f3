// A notice's recipients table: filters by status and channel, paging, ticking recipients for a SELECTED resend, links
// from failing rows to the resident, each channel's status, address, error and quiet-hours wait, and the CSV export of
// the failed recipients. Rows the live stream says changed are replaced where they are.

import { h, fill, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, withQuery } from '../../api.js';
import { link } from '../../router.js';
import { dateTime } from '../../format.js';
import { errorAlert, deliveryBadge, pager, loading, downloadCsv } from '../../components.js';
import { singleFlight } from '../../single-flight.js';

const PAGE_SIZE = 50;
const DELIVERY_STATUSES = ['PENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED'];

/**
 * noticeId; signal: aborts every fetch; channels(): the channels shown now; onError(error): export failures.
 * Answers {section, build(), load(), changed(), updateRow(row), selected, clearSelection(), showFailed()}.
 */
export function recipientsTable({ noticeId, signal, channels, onError }) {
  const path = `/api/notices/${encodeURIComponent(noticeId)}`;
  const state = { filters: { status: '', channel: '' }, page: 0, rows: null, statusFilter: null };
  const selected = new Set();
  const section = h('section', { class: 'card table-card', 'aria-labelledby': 'recipients-title' });
  const body = h('div', {}, loading());
  const selectionBar = h('div', { class: 'selection-bar', 'aria-live': 'polite' });
  const loader = singleFlight(() => fetchRecipients(), signal);

  function build() {
    const statusFilter = h('select', { id: uid('filter-status'), testid: 'filter-status', onchange: () => {
      state.filters.status = statusFilter.value;
      state.page = 0;
      loader.load();
    } }, h('option', { value: '' }, t('recipients.anyStatus')),
    DELIVERY_STATUSES.map((s) => h('option', { value: s }, t(`deliveryStatus.${s}`))));
    const channelFilter = h('select', { id: uid('filter-channel'), testid: 'filter-channel', onchange: () => {
      state.filters.channel = channelFilter.value;
      state.page = 0;
      loader.load();
    } }, h('option', { value: '' }, t('recipients.anyChannel')),
    channels().map((c) => h('option', { value: c }, t(`channel.${c}`))));
    state.statusFilter = statusFilter;
    const exportButton = h('button', { type: 'button', class: 'button', testid: 'export-failed',
      onclick: () => downloadCsv(exportButton, withQuery(`${path}/recipients/export`, { status: 'FAILED' }),
        `notice-${noticeId}-failed.csv`, onError) }, t('recipients.export'));
    fill(section,
      h('div', { class: 'section-header' },
        h('h2', { id: 'recipients-title' }, t('recipients.title')),
        h('div', { class: 'toolbar' },
          h('label', { for: statusFilter.id }, t('recipients.filterStatus')), statusFilter,
          h('label', { for: channelFilter.id }, t('recipients.filterChannel')), channelFilter,
          exportButton)),
      selectionBar,
      body);
    renderSelection();
  }

  async function fetchRecipients() {
    try {
      state.rows = await get(withQuery(`${path}/recipients`, {
        status: state.filters.status, channel: state.filters.channel, page: state.page, size: PAGE_SIZE,
      }), { signal });
      render();
    } catch (error) {
      if (error.name !== 'AbortError') {
        fill(body, errorAlert(error));
      }
    }
  }

  function render() {
    const page = state.rows;
    const shown = channels();
    if (!page.items.length) {
      fill(body, h('p', { class: 'empty' }, t('recipients.empty')), pager(page, goToPage));
      return;
    }
    const pageBox = h('input', { type: 'checkbox', 'aria-label': t('recipients.selectPage'), onchange: () => {
      page.items.forEach((r) => (pageBox.checked ? selected.add(r.recipientId) : selected.delete(r.recipientId)));
      render();
      renderSelection();
    } });
    const onPage = page.items.filter((r) => selected.has(r.recipientId)).length;
    pageBox.checked = onPage === page.items.length;
    pageBox.indeterminate = onPage > 0 && onPage < page.items.length;
    fill(body,
      h('div', { class: 'table-scroll' }, h('table', { class: 'recipients' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'check-col' }, pageBox),
          h('th', { scope: 'col' }, t('col.name')),
          shown.map((c) => h('th', { scope: 'col' }, t(`channel.${c}`))))),
        h('tbody', {}, page.items.map((r) => recipientRow(r, shown))))),
      pager(page, goToPage));
  }

  function goToPage(p) {
    state.page = p;
    loader.load();
  }

  function recipientRow(recipient, shown) {
    const id = recipient.recipientId;
    const failing = shown.some((c) => recipient.channels?.[c]?.status === 'FAILED');
    const box = h('input', {
      type: 'checkbox', testid: 'recipient-checkbox', checked: selected.has(id),
      'aria-label': t('recipients.select', { name: recipient.name }),
      onchange: () => {
        if (box.checked) {
          selected.add(id);
        } else {
          selected.delete(id);
        }
        renderSelection();
      },
    });
    return h('tr', { testid: 'recipient-row', dataset: { recipientId: id }, class: failing ? 'row-failing' : null },
      h('td', { class: 'check-col' }, box),
      h('th', { scope: 'row' }, h('div', { class: 'recipient-name' },
        h('span', {}, recipient.name),
        failing ? h('a', { class: 'profile-link', testid: 'profile-link',
          href: `${link('residents', id)}?notice=${encodeURIComponent(noticeId)}` }, t('recipients.checkProfile')) : null)),
      shown.map((c) => channelCell(c, recipient.channels?.[c])));
  }

  /** A row the stream says changed: replace it where it is; rows of other pages are fetched when shown. */
  function updateRow(row) {
    if (!state.rows || !row?.recipientId) {
      return;
    }
    const index = state.rows.items.findIndex((r) => r.recipientId === row.recipientId);
    if (index < 0) {
      return;
    }
    const before = state.rows.items[index];
    // A coalesced event may carry only the channels that changed: keep the others.
    state.rows.items[index] = { ...before, ...row, channels: { ...before.channels, ...row.channels } };
    const existing = body.querySelector(`tr[data-recipient-id="${CSS.escape(row.recipientId)}"]`);
    if (existing) {
      existing.replaceWith(recipientRow(state.rows.items[index], channels()));
    }
  }

  function renderSelection() {
    const n = selected.size;
    fill(selectionBar, n === 0 ? null : [
      h('span', { testid: 'selection-count' }, t('recipients.selected', { n })), ' ',
      h('button', { type: 'button', class: 'link-button', onclick: () => clearSelection() }, t('recipients.clearSelection')),
    ]);
  }

  function clearSelection() {
    selected.clear();
    if (state.rows) {
      render();
    }
    renderSelection();
  }

  /** The dialog's "Show failed recipients": the table filtered to FAILED, from its first page. */
  function showFailed() {
    state.filters.status = 'FAILED';
    if (state.statusFilter) {
      state.statusFilter.value = 'FAILED';
    }
    state.page = 0;
    loader.load();
    document.getElementById('recipients-title')?.scrollIntoView({ block: 'start' });
  }

  return {
    section, build, load: loader.load, changed: loader.changed, updateRow, selected, clearSelection, showFailed,
  };
}

function channelCell(channel, delivery) {
  if (!delivery) {
    return h('td', { testid: `channel-status-${channel}`, dataset: { status: '' } },
      h('span', { class: 'muted' }, t('recipients.notInNotice')));
  }
  const error = delivery.lastError;
  return h('td', {
    testid: `channel-status-${channel}`,
    dataset: { status: delivery.status, attempt: String(delivery.attempt ?? '') },
  },
  h('div', { class: 'cell-status' }, deliveryBadge(delivery.status),
    delivery.attempt > 1 ? h('span', { class: 'attempt' }, t('recipients.attempt', { n: delivery.attempt })) : null),
  delivery.address ? h('div', { class: 'address' }, delivery.address) : null,
  delivery.status === 'PENDING' && delivery.deferral?.reason === 'QUIET_HOURS' && delivery.deferral.until
    ? h('div', { class: 'deferral', testid: 'deferral', dataset: { reason: 'QUIET_HOURS', until: delivery.deferral.until } },
      t('recipients.quietHours', { at: dateTime(delivery.deferral.until) }))
    : null,
  error && error.code ? h('div', {
    class: delivery.status === 'FAILED' ? 'delivery-error' : 'delivery-note', testid: 'delivery-error', dataset: { code: error.code },
  },
  h('strong', {}, t(`errorCode.${error.code}`)),
  error.message ? ` — ${error.message}` : null,
  error.providerCode ? h('span', { class: 'muted' }, ` (${error.providerCode})`) : null) : null);
}
