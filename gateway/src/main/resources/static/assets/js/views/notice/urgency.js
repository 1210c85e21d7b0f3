// "Mark urgent" on a notice (README "Never at night"): the badge, the reason and who marked it, the button that opens
// the urgent dialog, and the way back to an ordinary notice.

import { h, fill } from '../../dom.js';
import { t } from '../../i18n.js';
import { del } from '../../api.js';
import { dateTime } from '../../format.js';
import { openUrgentDialog } from '../urgent-dialog.js';

/**
 * noticeId; act(call): runs a call that answers the notice and shows it (or its error); onMarked(notice) after the
 * dialog marked it. Answers {button, note, render(notice)}: the button goes in the header's actions, the note under
 * the title.
 */
export function urgency({ noticeId, act, onMarked }) {
  const path = `/api/notices/${encodeURIComponent(noticeId)}`;
  const button = h('button', { type: 'button', class: 'button', testid: 'mark-urgent', onclick: () => open() },
    t('urgent.mark'));
  const note = h('div', { class: 'urgent-note', 'aria-live': 'polite' });

  function open() {
    openUrgentDialog({
      noticeId,
      opener: button,
      onMarked: (notice) => {
        onMarked(notice);
        note.querySelector('[data-testid="remove-urgency"]')?.focus();
      },
    });
  }

  /** Shows the notice's urgency; answers whether the header should offer the Mark urgent button. */
  function render(notice) {
    const urgent = notice.urgent;
    fill(note, urgent ? [
      h('span', { class: 'badge badge-urgent', testid: 'urgent-badge' }, t('urgent.badge')),
      h('span', { testid: 'urgent-reason-shown' }, t('urgent.why', {
        reason: urgent.reason, name: urgent.markedBy?.name || urgent.markedBy?.id || '', date: dateTime(urgent.markedAt),
      })),
      h('button', { type: 'button', class: 'link-button', testid: 'remove-urgency',
        onclick: () => act(() => del(`${path}/urgent`)) }, t('urgent.remove')),
    ] : null);
    return !urgent;
  }

  return { button, note, render };
}
