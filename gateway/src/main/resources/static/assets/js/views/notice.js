// A notice's detail page: status and delivery statistics, the recipients table, resending failures and the resend
// history — all kept current by the notice's live event stream.

import { h, fill, uid, srOnly } from '../dom.js';
import { t, joinAnd, countsText, resendingMessage } from '../i18n.js';
import { get, post, del, withQuery } from '../api.js';
import { link, go } from '../router.js';
import { dateTime, number, localInputToIso, localInputValue, timeIn } from '../format.js';
import { followNotice } from '../stream.js';
import {
  errorAlert, noticeStatusBadge, deliveryBadge, pager, showError, showFlash, loading, flashNext, outcomeChips, downloadCsv,
} from '../components.js';
import { openResendDialog } from './resend-dialog.js';
import { openUrgentDialog } from './urgent-dialog.js';
import { noticeDate } from './notices.js';
import { COUNTERS, channelCounts, nonZeroCounters } from '../counts.js';
import { singleFlight } from '../single-flight.js';

const PAGE_SIZE = 50;
const DELIVERY_STATUSES = ['PENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED'];
const NOT_SENT_YET = ['DRAFT', 'SCHEDULED'];

/**
 * The channels a notice's stats and table show: the ones its manager chose, then one a fallback resend added (README
 * "Reach them another way": an email-only notice that reached someone by SMS shows an SMS total).
 */
export function shownChannels(notice) {
  const chosen = notice.channels || [];
  const added = ['EMAIL', 'SMS'].filter((c) => !chosen.includes(c) && (notice.stats?.[c.toLowerCase()]?.total ?? 0) > 0);
  return [...chosen, ...added];
}

function fallbackNote(fallback) {
  const n = (fallback?.emails ?? 0) + (fallback?.sms ?? 0);
  return n > 0 ? h('span', { class: 'muted', testid: 'history-fallback' }, ` (${t('history.fallback', { n })})`) : null;
}

export function noticeView(main, { noticeId }) {
  const control = new AbortController();
  const path = `/api/notices/${encodeURIComponent(noticeId)}`;
  const state = {
    notice: null,
    filters: { status: '', channel: '' },
    page: 0,
    rows: null,
    selected: new Set(),
    started: false,
  };
  let stopStream = null;
  const timers = {};

  const messages = h('div', { class: 'messages' });
  const success = h('div', { class: 'messages' });
  const title = h('h1', { tabindex: '-1' });
  const meta = h('p', { class: 'notice-meta' });
  const live = h('p', { class: 'live-indicator', 'aria-live': 'polite', hidden: true });
  const resendButton = h('button', {
    type: 'button', class: 'button button-primary', testid: 'resend-button', onclick: () => openDialog(),
  }, t('notice.resend'));
  const urgentButton = h('button', { type: 'button', class: 'button', testid: 'mark-urgent', onclick: () => openUrgent() },
    t('urgent.mark'));
  const urgentNote = h('div', { class: 'urgent-note', 'aria-live': 'polite' });
  const headerActions = h('div', { class: 'page-actions' });
  const draftActions = h('div', { class: 'draft-actions' });
  const content = h('details', { class: 'card disclosure' });
  const stats = h('section', { class: 'stats', 'aria-labelledby': 'stats-title' });
  const recipients = h('section', { class: 'card table-card', 'aria-labelledby': 'recipients-title' });
  const history = h('section', { class: 'card table-card', 'aria-labelledby': 'history-title' });
  const recipientsBody = h('div', {}, loading());
  const historyBody = h('div', {}, loading());
  const selectionBar = h('div', { class: 'selection-bar', 'aria-live': 'polite' });

  fill(main, h('article', { class: 'notice' },
    h('p', { class: 'back-links' }, h('a', { href: '#/', id: 'back-to-notices' }, t('notice.back'))),
    h('div', { class: 'page-header' }, h('div', {}, title, meta, urgentNote, live), headerActions),
    success,
    messages,
    draftActions,
    stats,
    recipients,
    history,
    content));
  showFlash(messages);

  const noticeLoader = singleFlight(() => fetchNotice(), control.signal);
  const recipientsLoader = singleFlight(() => fetchRecipients(), control.signal);
  const historyLoader = singleFlight(() => fetchHistory(), control.signal);
  const loadNotice = noticeLoader.load;
  const loadRecipients = recipientsLoader.load;
  const loadHistory = historyLoader.load;

  // ---- the notice: header, statistics, draft actions --------------------------------------------------------

  async function fetchNotice() {
    try {
      state.notice = await get(path, { signal: control.signal });
      renderNotice();
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(messages, error);
        if (!state.notice) {
          title.textContent = t('notice.unavailable');
        }
      }
    }
  }

  function renderNotice() {
    const notice = state.notice;
    document.title = `${notice.title} · ${t('app.brand')}`;
    title.textContent = notice.title;
    const back = document.getElementById('back-to-notices');
    back.href = link('properties', notice.propertyId, 'notices');
    fill(meta,
      noticeStatusBadge(notice.status, { testid: 'notice-status' }), ' ',
      h('span', { class: 'muted' }, noticeDate(notice)), ' · ',
      h('span', { class: 'muted' }, t('notice.channels', { list: joinAnd((notice.channels || []).map((c) => t(`channel.${c}`))) })));
    renderUrgency(notice);
    if (notice.resendable) {
      if (!resendButton.isConnected) {
        headerActions.append(resendButton);
      }
    } else {
      resendButton.remove();
    }
    const sent = !NOT_SENT_YET.includes(notice.status);
    stats.hidden = !sent;
    recipients.hidden = !sent;
    history.hidden = !sent;
    if (sent) {
      renderStats(notice);
    }
    renderDraftActions(notice);
    if (!content.hasChildNodes()) {
      renderContent(notice); // once: re-rendering would fold the <details> a manager just opened
      content.open = NOT_SENT_YET.includes(notice.status); // a draft's content is what its manager is checking
    }
    if (sent && !state.started) {
      state.started = true;
      buildRecipients();
      buildHistory();
      loadRecipients();
      loadHistory();
    }
    if (notice.status !== 'DRAFT' && !stopStream) {
      startStream();
    }
  }

  /** An urgent notice says so, why and who marked it; a manager marks one urgent, or makes it ordinary again. */
  function renderUrgency(notice) {
    const urgent = notice.urgent;
    fill(urgentNote, urgent ? [
      h('span', { class: 'badge badge-urgent', testid: 'urgent-badge' }, t('urgent.badge')),
      h('span', { testid: 'urgent-reason-shown' }, t('urgent.why', {
        reason: urgent.reason, name: urgent.markedBy?.name || urgent.markedBy?.id || '', date: dateTime(urgent.markedAt),
      })),
      h('button', { type: 'button', class: 'link-button', testid: 'remove-urgency',
        onclick: () => act(() => del(`${path}/urgent`)) }, t('urgent.remove')),
    ] : null);
    if (urgent) {
      urgentButton.remove();
    } else if (!urgentButton.isConnected) {
      headerActions.prepend(urgentButton);
    }
  }

  function openUrgent() {
    openUrgentDialog({
      noticeId,
      opener: urgentButton,
      onMarked: (notice) => {
        state.notice = notice;
        renderNotice();
        urgentNote.querySelector('[data-testid="remove-urgency"]')?.focus();
      },
    });
  }

  function renderStats(notice) {
    const s = notice.stats || {};
    const metric = (key, value, emphasis) => h('div', { class: emphasis && value > 0 ? 'metric metric-failed' : 'metric' },
      h('dt', {}, t(`stats.${key}`)), h('dd', { dataset: { count: key } }, number(value)));
    fill(stats,
      h('h2', { id: 'stats-title', class: 'sr-only' }, t('notice.stats')),
      h('dl', { class: 'metrics', testid: 'stats-summary' },
        metric('recipients', s.recipients ?? 0),
        metric('received', s.received ?? 0),
        metric('failedRecipients', s.failedRecipients ?? 0, true)),
      h('div', { class: 'channel-cards' }, shownChannels(notice).map((channel) => channelCard(channel, s[channel.toLowerCase()]))));
  }

  function channelCard(channel, channelStats = {}) {
    const { counts: c, total } = channelCounts(channelStats);
    const headingId = uid('channel');
    const bar = h('div', {
      class: 'bar', role: 'img',
      'aria-label': t('stats.bar', { channel: t(`channel.${channel}`), ...c }),
    }, nonZeroCounters(c).map((k) => {
      const segment = h('span', { class: `bar-segment seg-${k}` });
      segment.style.flexGrow = String(c[k]); // CSSOM, not a style attribute: allowed by the page's CSP
      return segment;
    }));
    return h('section', { class: 'card channel-card', testid: `stats-${channel.toLowerCase()}`, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, t(`channel.${channel}`), ' ', h('span', { class: 'muted' }, t('stats.total', { n: total }))),
      bar,
      h('dl', { class: 'counts' }, COUNTERS.map((k) => h('div', { class: `count count-${k}` },
        h('dt', {}, h('span', { class: `dot seg-${k}`, 'aria-hidden': 'true' }), t(`stats.${k}`)),
        h('dd', { dataset: { count: k } }, number(c[k]))))));
  }

  function renderContent(notice) {
    fill(content,
      h('summary', {}, t('notice.content')),
      h('div', { class: 'notice-body' }, notice.body || ''),
      notice.smsText && (notice.channels || []).includes('SMS')
        ? h('div', {}, h('h3', {}, t('notice.smsText')), h('p', { class: 'notice-body' }, notice.smsText)) : null);
  }

  function renderDraftActions(notice) {
    if (notice.status === 'DRAFT') {
      const sendAt = h('input', { type: 'datetime-local', id: uid('send-at'), value: localInputValue(60) });
      fill(draftActions, h('div', { class: 'card action-bar' },
        h('button', { type: 'button', class: 'button button-primary', testid: 'send-now',
          onclick: () => act(() => post(`${path}/send`)) }, t('notice.send')),
        h('span', { class: 'action-group' },
          h('label', { for: sendAt.id }, t('form.field.sendAt')), sendAt,
          h('button', { type: 'button', class: 'button', onclick: () => {
            const iso = localInputToIso(sendAt.value);
            if (!iso || new Date(iso).getTime() <= Date.now()) {
              showError(messages, t('form.sendAtPast'));
              return;
            }
            act(() => post(`${path}/schedule`, { sendAt: iso }));
          } }, t('notice.schedule'))),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', class: 'button button-danger', onclick: () => {
          if (window.confirm(t('notice.deleteConfirm'))) {
            act(async () => {
              await del(path);
              flashNext(() => h('div', { class: 'alert alert-success', role: 'status' }, h('p', {}, t('notice.deleted'))));
              go(`/properties/${encodeURIComponent(notice.propertyId)}/notices`);
            });
          }
        } }, t('notice.delete'))));
    } else if (notice.status === 'SCHEDULED') {
      fill(draftActions, h('div', { class: 'card action-bar' },
        h('button', { type: 'button', class: 'button', onclick: () => act(() => post(`${path}/cancel`)) },
          t('notice.reschedule'))));
    } else {
      draftActions.replaceChildren();
    }
  }

  async function act(call) {
    messages.replaceChildren();
    try {
      const answer = await call();
      if (answer && answer.id === noticeId) {
        state.notice = answer;
        renderNotice();
      }
    } catch (error) {
      showError(messages, error);
    }
    if (!control.signal.aborted) {
      loadNotice();
    }
  }

  // ---- recipients ----------------------------------------------------------------------------------------------

  function buildRecipients() {
    const channels = shownChannels(state.notice);
    const statusFilter = h('select', { id: uid('filter-status'), testid: 'filter-status', onchange: () => {
      state.filters.status = statusFilter.value;
      state.page = 0;
      loadRecipients();
    } }, h('option', { value: '' }, t('recipients.anyStatus')),
    DELIVERY_STATUSES.map((s) => h('option', { value: s }, t(`deliveryStatus.${s}`))));
    const channelFilter = h('select', { id: uid('filter-channel'), testid: 'filter-channel', onchange: () => {
      state.filters.channel = channelFilter.value;
      state.page = 0;
      loadRecipients();
    } }, h('option', { value: '' }, t('recipients.anyChannel')),
    channels.map((c) => h('option', { value: c }, t(`channel.${c}`))));
    state.statusFilter = statusFilter;
    const exportButton = h('button', { type: 'button', class: 'button', testid: 'export-failed',
      onclick: () => exportFailed(exportButton) }, t('recipients.export'));
    fill(recipients,
      h('div', { class: 'section-header' },
        h('h2', { id: 'recipients-title' }, t('recipients.title')),
        h('div', { class: 'toolbar' },
          h('label', { for: statusFilter.id }, t('recipients.filterStatus')), statusFilter,
          h('label', { for: channelFilter.id }, t('recipients.filterChannel')), channelFilter,
          exportButton)),
      selectionBar,
      recipientsBody);
    renderSelection();
  }

  async function fetchRecipients() {
    try {
      const page = await get(withQuery(`${path}/recipients`, {
        status: state.filters.status, channel: state.filters.channel, page: state.page, size: PAGE_SIZE,
      }), { signal: control.signal });
      state.rows = page;
      renderRecipients();
    } catch (error) {
      if (error.name !== 'AbortError') {
        fill(recipientsBody, errorAlert(error));
      }
    }
  }

  function renderRecipients() {
    const page = state.rows;
    const channels = shownChannels(state.notice);
    if (!page.items.length) {
      fill(recipientsBody, h('p', { class: 'empty' }, t('recipients.empty')), pager(page, goToPage));
      return;
    }
    const pageBox = h('input', { type: 'checkbox', 'aria-label': t('recipients.selectPage'), onchange: () => {
      page.items.forEach((r) => (pageBox.checked ? state.selected.add(r.recipientId) : state.selected.delete(r.recipientId)));
      renderRecipients();
      renderSelection();
    } });
    const onPage = page.items.filter((r) => state.selected.has(r.recipientId)).length;
    pageBox.checked = onPage === page.items.length;
    pageBox.indeterminate = onPage > 0 && onPage < page.items.length;
    fill(recipientsBody,
      h('div', { class: 'table-scroll' }, h('table', { class: 'recipients' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'check-col' }, pageBox),
          h('th', { scope: 'col' }, t('col.name')),
          channels.map((c) => h('th', { scope: 'col' }, t(`channel.${c}`))))),
        h('tbody', {}, page.items.map((r) => recipientRow(r, channels))))),
      pager(page, goToPage));
  }

  function goToPage(p) {
    state.page = p;
    loadRecipients();
  }

  function recipientRow(recipient, channels) {
    const id = recipient.recipientId;
    const failing = channels.some((c) => recipient.channels?.[c]?.status === 'FAILED');
    const box = h('input', {
      type: 'checkbox', testid: 'recipient-checkbox', checked: state.selected.has(id),
      'aria-label': t('recipients.select', { name: recipient.name }),
      onchange: () => {
        if (box.checked) {
          state.selected.add(id);
        } else {
          state.selected.delete(id);
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
      channels.map((c) => channelCell(c, recipient.channels?.[c])));
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
    const existing = recipientsBody.querySelector(`tr[data-recipient-id="${CSS.escape(row.recipientId)}"]`);
    if (existing) {
      existing.replaceWith(recipientRow(state.rows.items[index], shownChannels(state.notice)));
    }
  }

  function renderSelection() {
    const n = state.selected.size;
    fill(selectionBar, n === 0 ? null : [
      h('span', { testid: 'selection-count' }, t('recipients.selected', { n })), ' ',
      h('button', { type: 'button', class: 'link-button', onclick: () => {
        state.selected.clear();
        renderRecipients();
        renderSelection();
      } }, t('recipients.clearSelection')),
    ]);
  }

  function exportFailed(button) {
    downloadCsv(button, withQuery(`${path}/recipients/export`, { status: 'FAILED' }), `notice-${noticeId}-failed.csv`,
      (error) => showError(messages, error));
  }

  // ---- history ---------------------------------------------------------------------------------------------------

  function buildHistory() {
    fill(history, h('div', { class: 'section-header' }, h('h2', { id: 'history-title' }, t('history.title'))), historyBody);
  }

  async function fetchHistory() {
    try {
      const rows = await get(`${path}/resends`, { signal: control.signal });
      renderHistory(Array.isArray(rows) ? rows : rows?.items || []);
    } catch (error) {
      if (error.name !== 'AbortError') {
        fill(historyBody, errorAlert(error));
      }
    }
  }

  function renderHistory(rows) {
    if (!rows.length) {
      fill(historyBody, h('p', { class: 'empty' }, t('history.empty')));
      return;
    }
    fill(historyBody, h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('col.when')),
        h('th', { scope: 'col' }, t('col.by')),
        h('th', { scope: 'col' }, t('col.scope')),
        h('th', { scope: 'col', class: 'num' }, t('col.recipients')),
        h('th', { scope: 'col' }, t('col.resent')),
        h('th', { scope: 'col' }, t('col.outcome')))),
      h('tbody', {}, rows.map((row) => h('tr', { testid: 'history-row', dataset: { resendId: row.resendId, type: row.type } },
        h('td', {}, h('a', { href: link('notices', noticeId, 'resends', row.resendId), testid: 'history-detail-link' },
          dateTime(row.requestedAt), srOnly(t('history.details')))),
        h('td', {}, row.requestedBy?.name || row.requestedBy?.id || ''),
        h('td', {}, h('span', { class: `tag tag-${String(row.type).toLowerCase()}` }, t(`type.${row.type}`)), ' ',
          h('span', { class: 'muted' }, t(`scope.${row.scope}`))),
        h('td', { class: 'num' }, number(row.recipients)),
        h('td', {}, countsText(row.emails, row.sms), fallbackNote(row.fallback)),
        h('td', { class: 'outcome', testid: 'history-outcome' }, outcomeChips(row.outcome))))))));
  }

  // ---- resending -------------------------------------------------------------------------------------------------

  function openDialog() {
    openResendDialog({
      noticeId,
      selectedIds: state.selected,
      opener: resendButton,
      onResent: (answer) => {
        fill(success, h('div', { class: 'alert alert-success', role: 'status' },
          h('p', { testid: 'resend-success' }, resendingMessage(answer.emails ?? 0, answer.sms ?? 0,
            (answer.fallback?.emails ?? 0) + (answer.fallback?.sms ?? 0)),
          answer.quietHours?.sms > 0 ? ` ${t('resend.successQuietHours', {
            n: answer.quietHours.sms, at: timeIn(answer.quietHours.until, answer.quietHours.timeZone),
            zone: answer.quietHours.timeZone,
          })}` : null),
          h('button', { type: 'button', class: 'link-button', onclick: () => success.replaceChildren() }, t('resend.dismiss'))));
        messages.replaceChildren();
        if (answer.scope === 'SELECTED') {
          state.selected.clear();
          renderSelection();
        }
        refreshAll();
      },
      onShowFailed: () => {
        state.filters.status = 'FAILED';
        if (state.statusFilter) {
          state.statusFilter.value = 'FAILED';
        }
        state.page = 0;
        loadRecipients();
        document.getElementById('recipients-title')?.scrollIntoView({ block: 'start' });
      },
    });
  }

  // ---- live updates ----------------------------------------------------------------------------------------------

  function later(kind, action, ms = 300) {
    clearTimeout(timers[kind]);
    timers[kind] = setTimeout(action, ms);
  }

  function refreshAll() {
    loadNotice();
    if (state.started) {
      loadRecipients();
      loadHistory();
    }
  }

  function startStream() {
    stopStream = followNotice(noticeId, {
      onOpen: (reconnected) => {
        live.hidden = false;
        live.className = 'live-indicator live-on';
        fill(live, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), t('notice.live'));
        if (reconnected) {
          refreshAll(); // events may have been missed while disconnected
        }
      },
      onDrop: () => {
        live.hidden = false;
        live.className = 'live-indicator live-off';
        fill(live, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), t('notice.reconnecting'));
      },
      onEvent: ({ event, data }) => {
        let payload = null;
        try {
          payload = data ? JSON.parse(data) : null;
        } catch {
          payload = null;
        }
        if (event === 'notice' && payload && state.notice) {
          noticeLoader.changed();
          state.notice = { ...state.notice, ...payload };
          renderNotice();
        } else if (event === 'recipient' && payload) {
          recipientsLoader.changed();
          updateRow(payload);
        } else if (event === 'refresh') {
          later('recipients', loadRecipients);
        } else if (event === 'resend') {
          later('history', loadHistory);
        }
      },
    });
  }

  loadNotice();

  return () => {
    control.abort();
    stopStream?.();
    Object.values(timers).forEach(clearTimeout);
    document.querySelectorAll('dialog[data-testid="resend-dialog"], dialog[data-testid="urgent-dialog"]').forEach((d) => d.close());
  };
}
