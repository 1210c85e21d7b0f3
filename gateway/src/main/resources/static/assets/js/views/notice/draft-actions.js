// What can still be done to a notice that was not sent: send it now, schedule it, delete it; or put a scheduled one
// back to draft.

import { h, fill, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { post, del } from '../../api.js';
import { go } from '../../router.js';
import { localInputToIso, localInputValue } from '../../format.js';
import { showError, flashNext } from '../../components.js';

/** slot: where the actions go; act(call): runs a call that answers the notice and shows it; messages: error slot. */
export function renderDraftActions(slot, notice, { act, messages }) {
  const path = `/api/notices/${encodeURIComponent(notice.id)}`;
  if (notice.status === 'DRAFT') {
    const sendAt = h('input', { type: 'datetime-local', id: uid('send-at'), value: localInputValue(60) });
    fill(slot, h('div', { class: 'card action-bar' },
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
    fill(slot, h('div', { class: 'card action-bar' },
      h('button', { type: 'button', class: 'button', onclick: () => act(() => post(`${path}/cancel`)) },
        t('notice.reschedule'))));
  } else {
    slot.replaceChildren();
  }
}
