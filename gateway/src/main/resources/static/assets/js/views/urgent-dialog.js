// "Mark urgent" (README "Never at night"): an emergency notice's SMS, and its resends', ignore quiet hours. The
// manager says why; the audit trail keeps the reason beside who marked it. Escape or Cancel changes nothing.

import { h, fill, uid } from '../dom.js';
import { t } from '../i18n.js';
import { request } from '../api.js';
import { errorAlert } from '../components.js';

/** The longest reason the API takes (notice-service Notices.MAX_URGENT_REASON). */
const MAX_REASON = 500;

/** noticeId; onMarked(notice) with the notice as it now is; opener: the element focus returns to. */
export function openUrgentDialog({ noticeId, onMarked, opener }) {
  const titleId = uid('urgent-title');
  const introId = uid('urgent-intro');
  const errorSlot = h('div', { class: 'messages' });
  const reason = h('input', {
    type: 'text', id: uid('urgent-reason'), testid: 'urgent-reason', maxlength: MAX_REASON, required: true,
    autocomplete: 'off', 'aria-describedby': introId,
  });
  const confirm = h('button', { type: 'submit', class: 'button button-danger', testid: 'urgent-confirm' },
    t('urgent.confirm'));
  const cancel = h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, t('resend.cancel'));
  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      if (!reason.value.trim()) {
        fill(errorSlot, errorAlert(t('urgent.reasonRequired')));
        reason.focus();
        return;
      }
      confirm.disabled = true;
      errorSlot.replaceChildren();
      try {
        const notice = await request('PUT', `/api/notices/${encodeURIComponent(noticeId)}/urgent`,
          { body: { reason: reason.value.trim() } });
        dialog.close();
        onMarked(notice);
      } catch (error) {
        fill(errorSlot, errorAlert(error));
      } finally {
        confirm.disabled = false;
      }
    },
  },
  h('h2', { id: titleId }, t('urgent.title')),
  h('p', { id: introId, class: 'muted' }, t('urgent.intro')),
  h('div', { class: 'field' }, h('label', { for: reason.id }, t('urgent.reason')), reason),
  errorSlot,
  h('div', { class: 'dialog-actions' }, cancel, confirm));
  const dialog = h('dialog', { class: 'dialog', testid: 'urgent-dialog', 'aria-labelledby': titleId }, form);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) {
      opener.focus();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
  return dialog;
}
