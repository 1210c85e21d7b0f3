// A notice's resend history, newest first, each row with its outcome so far and a link to what that resend did.

import { h, fill, srOnly } from '../../dom.js';
import { t, countsText } from '../../i18n.js';
import { get } from '../../api.js';
import { link } from '../../router.js';
import { dateTime, number } from '../../format.js';
import { errorAlert, loading, outcomeChips } from '../../components.js';
import { singleFlight } from '../../single-flight.js';

function fallbackNote(fallback) {
  const n = (fallback?.emails ?? 0) + (fallback?.sms ?? 0);
  return n > 0 ? h('span', { class: 'muted', testid: 'history-fallback' }, ` (${t('history.fallback', { n })})`) : null;
}

/** Answers {section, build(), load(), changed()}: build once the notice was sent, load on every change. */
export function resendHistory({ noticeId, signal }) {
  const path = `/api/notices/${encodeURIComponent(noticeId)}/resends`;
  const section = h('section', { class: 'card table-card', 'aria-labelledby': 'history-title' });
  const body = h('div', {}, loading());
  const loader = singleFlight(() => fetchHistory(), signal);

  function build() {
    fill(section, h('div', { class: 'section-header' }, h('h2', { id: 'history-title' }, t('history.title'))), body);
  }

  async function fetchHistory() {
    try {
      const rows = await get(path, { signal });
      render(Array.isArray(rows) ? rows : rows?.items || []);
    } catch (error) {
      if (error.name !== 'AbortError') {
        fill(body, errorAlert(error));
      }
    }
  }

  function render(rows) {
    if (!rows.length) {
      fill(body, h('p', { class: 'empty' }, t('history.empty')));
      return;
    }
    fill(body, h('div', { class: 'table-scroll' }, h('table', {},
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

  return { section, build, load: loader.load, changed: loader.changed };
}
