// A notice's detail page: its header (status, urgency, live indicator), what can still be done to a draft, the
// delivery statistics, the recipients table, resending failures and the resend history — all kept current by the
// notice's live event stream. Each part is a component of its own under ./notice/; this view puts them together and
// routes the stream's events to them.

import { h, fill } from '../dom.js';
import { t, joinAnd, resendingMessage } from '../i18n.js';
import { get } from '../api.js';
import { link } from '../router.js';
import { timeIn } from '../format.js';
import { followNotice } from '../stream.js';
import { noticeStatusBadge, showError, showFlash } from '../components.js';
import { openResendDialog } from './resend-dialog.js';
import { noticeDate } from './notices.js';
import { singleFlight } from '../single-flight.js';
import { renderStats, shownChannels } from './notice/stats.js';
import { urgency } from './notice/urgency.js';
import { renderDraftActions } from './notice/draft-actions.js';
import { recipientsTable } from './notice/recipients.js';
import { resendHistory } from './notice/history.js';

const NOT_SENT_YET = ['DRAFT', 'SCHEDULED'];

/** The success message of a resend: what goes now, by which channel, and what waits for the end of quiet hours. */
function resentMessage(answer) {
  const text = resendingMessage(answer.emails ?? 0, answer.sms ?? 0,
    (answer.fallback?.emails ?? 0) + (answer.fallback?.sms ?? 0));
  const wait = answer.quietHours;
  return wait?.sms > 0
    ? `${text} ${t('resend.successQuietHours', { n: wait.sms, at: timeIn(wait.until, wait.timeZone), zone: wait.timeZone })}`
    : text;
}

export function noticeView(main, { noticeId }) {
  const control = new AbortController();
  const path = `/api/notices/${encodeURIComponent(noticeId)}`;
  let notice = null;
  let started = false;
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
  const headerActions = h('div', { class: 'page-actions' });
  const draftActions = h('div', { class: 'draft-actions' });
  const content = h('details', { class: 'card disclosure' });
  const stats = h('section', { class: 'stats', 'aria-labelledby': 'stats-title' });
  const urgent = urgency({ noticeId, act, onMarked: (marked) => show(marked) });
  const recipients = recipientsTable({
    noticeId, signal: control.signal, channels: () => shownChannels(notice), onError: (error) => showError(messages, error),
  });
  const history = resendHistory({ noticeId, signal: control.signal });

  fill(main, h('article', { class: 'notice' },
    h('p', { class: 'back-links' }, h('a', { href: '#/', id: 'back-to-notices' }, t('notice.back'))),
    h('div', { class: 'page-header' }, h('div', {}, title, meta, urgent.note, live), headerActions),
    success,
    messages,
    draftActions,
    stats,
    recipients.section,
    history.section,
    content));
  showFlash(messages);

  const noticeLoader = singleFlight(() => fetchNotice(), control.signal);
  const loadNotice = noticeLoader.load;

  // ---- the notice: header, statistics, draft actions --------------------------------------------------------

  async function fetchNotice() {
    try {
      show(await get(path, { signal: control.signal }));
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(messages, error);
        if (!notice) {
          title.textContent = t('notice.unavailable');
        }
      }
    }
  }

  function show(next) {
    notice = next;
    document.title = `${notice.title} · ${t('app.brand')}`;
    title.textContent = notice.title;
    document.getElementById('back-to-notices').href = link('properties', notice.propertyId, 'notices');
    fill(meta,
      noticeStatusBadge(notice.status, { testid: 'notice-status' }), ' ',
      h('span', { class: 'muted' }, noticeDate(notice)), ' · ',
      h('span', { class: 'muted' }, t('notice.channels', { list: joinAnd((notice.channels || []).map((c) => t(`channel.${c}`))) })));
    offer(urgent.button, urgent.render(notice), (button) => headerActions.prepend(button));
    offer(resendButton, Boolean(notice.resendable), (button) => headerActions.append(button));
    const sent = !NOT_SENT_YET.includes(notice.status);
    stats.hidden = !sent;
    recipients.section.hidden = !sent;
    history.section.hidden = !sent;
    if (sent) {
      renderStats(stats, notice);
    }
    renderDraftActions(draftActions, notice, { act, messages });
    if (!content.hasChildNodes()) {
      renderContent(); // once: re-rendering would fold the <details> a manager just opened
      content.open = NOT_SENT_YET.includes(notice.status); // a draft's content is what its manager is checking
    }
    if (sent && !started) {
      started = true;
      recipients.build();
      history.build();
      recipients.load();
      history.load();
    }
    if (notice.status !== 'DRAFT' && !stopStream) {
      startStream();
    }
  }

  /** Puts a header button in place or takes it away, without moving it when it stays (focus stays on it). */
  function offer(button, wanted, place) {
    if (!wanted) {
      button.remove();
    } else if (!button.isConnected) {
      place(button);
    }
  }

  function renderContent() {
    fill(content,
      h('summary', {}, t('notice.content')),
      h('div', { class: 'notice-body' }, notice.body || ''),
      notice.smsText && (notice.channels || []).includes('SMS')
        ? h('div', {}, h('h3', {}, t('notice.smsText')), h('p', { class: 'notice-body' }, notice.smsText)) : null);
  }

  /** Runs a call that may answer the notice as it now is (shown at once), then reads it again; errors are shown. */
  async function act(call) {
    messages.replaceChildren();
    try {
      const answer = await call();
      if (answer && answer.id === noticeId) {
        show(answer);
      }
    } catch (error) {
      showError(messages, error);
    }
    if (!control.signal.aborted) {
      loadNotice();
    }
  }

  // ---- resending -------------------------------------------------------------------------------------------------

  function openDialog() {
    openResendDialog({
      noticeId,
      selectedIds: recipients.selected,
      opener: resendButton,
      onResent: (answer) => {
        fill(success, h('div', { class: 'alert alert-success', role: 'status' },
          h('p', { testid: 'resend-success' }, resentMessage(answer)),
          h('button', { type: 'button', class: 'link-button', onclick: () => success.replaceChildren() }, t('resend.dismiss'))));
        messages.replaceChildren();
        if (answer.scope === 'SELECTED') {
          recipients.clearSelection();
        }
        refreshAll();
      },
      onShowFailed: () => recipients.showFailed(),
    });
  }

  // ---- live updates ----------------------------------------------------------------------------------------------

  function later(kind, action, ms = 300) {
    clearTimeout(timers[kind]);
    timers[kind] = setTimeout(action, ms);
  }

  function refreshAll() {
    loadNotice();
    if (started) {
      recipients.load();
      history.load();
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
        if (event === 'notice' && payload && notice) {
          noticeLoader.changed();
          show({ ...notice, ...payload });
        } else if (event === 'recipient' && payload) {
          recipients.changed();
          recipients.updateRow(payload);
        } else if (event === 'refresh') {
          later('recipients', recipients.load);
        } else if (event === 'resend') {
          later('history', history.load);
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
