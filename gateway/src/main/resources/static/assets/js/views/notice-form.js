// Writing a notice: content, channels, audience (everyone or chosen residents), then draft, send now or schedule.

import { h, fill, uid } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, withQuery, describe } from '../api.js';
import { link, go } from '../router.js';
import { localInputToIso, localInputValue } from '../format.js';
import { errorAlert, field, pageHeader, propertyTabs, loading, flashNext } from '../components.js';

const SMS_LIMIT = 160;
const RESIDENT_PAGE = 200;

export function noticeFormView(main, { propertyId }) {
  const control = new AbortController();
  const messages = h('div', { class: 'messages' });
  const title = h('input', { id: uid('title'), required: true, maxlength: 200, autocomplete: 'off' });
  const body = h('textarea', { id: uid('body'), rows: 6, required: true });
  const smsCount = h('span', { class: 'hint', 'aria-live': 'polite' }, t('form.smsLength', { n: 0 }));
  const smsText = h('textarea', {
    id: uid('sms'), rows: 2, maxlength: SMS_LIMIT,
    oninput: () => { smsCount.textContent = t('form.smsLength', { n: smsText.value.length }); },
  });
  const channels = ['EMAIL', 'SMS'].map((c) => h('input', { type: 'checkbox', id: uid('channel'), value: c, checked: true }));
  const audienceAll = h('input', { type: 'radio', name: 'audience', id: uid('aud'), value: 'all', checked: true });
  const audienceChosen = h('input', { type: 'radio', name: 'audience', id: uid('aud'), value: 'chosen' });
  const residentList = h('div', { class: 'resident-picker', hidden: true });
  const whenInputs = ['draft', 'now', 'schedule'].map((w, i) =>
    h('input', { type: 'radio', name: 'when', id: uid('when'), value: w, checked: i === 1 }));
  const sendAt = h('input', { type: 'datetime-local', id: uid('send-at'), value: localInputValue(60) });
  const sendAtField = h('div', { hidden: true }, field(t('form.field.sendAt'), sendAt));
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('form.submit.now'));

  const when = () => whenInputs.find((i) => i.checked).value;
  whenInputs.forEach((input) => input.addEventListener('change', () => {
    sendAtField.hidden = when() !== 'schedule';
    submit.textContent = t(`form.submit.${when()}`);
  }));
  let residentsLoaded = false;
  [audienceAll, audienceChosen].forEach((input) => input.addEventListener('change', () => {
    residentList.hidden = !audienceChosen.checked;
    if (audienceChosen.checked && !residentsLoaded) {
      residentsLoaded = true;
      loadResidents();
    }
  }));

  const choice = (input, text) => h('label', { class: 'check', for: input.id }, input, ` ${text}`);
  const form = h('form', { class: 'card stack', novalidate: true, onsubmit: (event) => { event.preventDefault(); save(); } },
    field(t('form.field.title'), title),
    field(t('form.field.body'), body),
    h('div', { class: 'field' },
      h('label', { for: smsText.id }, t('form.field.smsText')),
      smsText,
      h('p', { class: 'hint', id: `${smsText.id}-hint` }, t('form.field.smsHint'), ' ', smsCount)),
    h('fieldset', { class: 'inline-choices' }, h('legend', {}, t('form.field.channels')),
      channels.map((input) => choice(input, t(`channel.${input.value}`)))),
    h('fieldset', {}, h('legend', {}, t('form.field.audience')),
      choice(audienceAll, t('form.audience.all')),
      choice(audienceChosen, t('form.audience.chosen')),
      residentList),
    h('fieldset', { class: 'inline-choices' }, h('legend', {}, t('form.field.when')),
      whenInputs.map((input) => choice(input, t(`form.when.${input.value}`)))),
    sendAtField,
    h('div', { class: 'form-actions' },
      h('a', { class: 'button', href: link('properties', propertyId, 'notices') }, t('form.cancel')),
      submit));
  smsText.setAttribute('aria-describedby', `${smsText.id}-hint`);

  fill(main, h('section', {}, pageHeader(t('form.title')), propertyTabs(propertyId, 'notices'), messages, form));
  title.focus();

  async function loadResidents() {
    fill(residentList, loading());
    try {
      const residents = [];
      for (let page = 0; page < 50; page += 1) {
        const answer = await get(withQuery(`/api/properties/${encodeURIComponent(propertyId)}/residents`,
          { page, size: RESIDENT_PAGE }), { signal: control.signal });
        residents.push(...answer.items);
        if (page >= answer.totalPages - 1) {
          break;
        }
      }
      fill(residentList, h('fieldset', {}, h('legend', { class: 'sr-only' }, t('form.audience.pick')),
        residents.length ? residents.map((r) => {
          const box = h('input', { type: 'checkbox', id: uid('pick'), value: r.id, class: 'resident-pick' });
          return h('label', { class: 'check', for: box.id }, box, ` ${r.name}`, r.unit ? h('span', { class: 'muted' }, ` · ${r.unit}`) : null);
        }) : h('p', { class: 'muted' }, t('residents.empty'))));
    } catch (error) {
      if (error.name !== 'AbortError') {
        fill(residentList, errorAlert(error));
      }
    }
  }

  function problems() {
    const found = [];
    if (!title.value.trim()) {
      found.push(t('form.required', { field: t('form.field.title') }));
    }
    if (!body.value.trim()) {
      found.push(t('form.required', { field: t('form.field.body') }));
    }
    if (!channels.some((c) => c.checked)) {
      found.push(t('form.noChannel'));
    }
    if (audienceChosen.checked && !residentList.querySelector('.resident-pick:checked')) {
      found.push(t('form.noResident'));
    }
    if (when() === 'schedule') {
      const iso = localInputToIso(sendAt.value);
      if (!iso || new Date(iso).getTime() <= Date.now()) {
        found.push(t('form.sendAtPast'));
      }
    }
    return found;
  }

  async function save() {
    const found = problems();
    if (found.length) {
      fill(messages, h('div', { class: 'alert alert-error', role: 'alert', testid: 'error-message' },
        h('ul', {}, found.map((p) => h('li', {}, p)))));
      return;
    }
    messages.replaceChildren();
    submit.disabled = true;
    const request = {
      title: title.value.trim(),
      body: body.value,
      channels: channels.filter((c) => c.checked).map((c) => c.value),
    };
    if (smsText.value.trim()) {
      request.smsText = smsText.value.trim();
    }
    if (audienceChosen.checked) {
      request.recipientIds = [...residentList.querySelectorAll('.resident-pick:checked')].map((c) => c.value);
    }
    let notice;
    try {
      notice = await post(`/api/properties/${encodeURIComponent(propertyId)}/notices`, request, { signal: control.signal });
    } catch (error) {
      submit.disabled = false;
      if (error.name !== 'AbortError') {
        fill(messages, errorAlert(error));
      }
      return;
    }
    try {
      if (when() === 'now') {
        await post(`/api/notices/${encodeURIComponent(notice.id)}/send`, undefined, { signal: control.signal });
      } else if (when() === 'schedule') {
        await post(`/api/notices/${encodeURIComponent(notice.id)}/schedule`, { sendAt: localInputToIso(sendAt.value) },
          { signal: control.signal });
      }
      go(`/notices/${encodeURIComponent(notice.id)}`);
    } catch (error) {
      // The draft exists now: take the manager to it, where it can be sent or scheduled again.
      if (error.name !== 'AbortError') {
        flashNext(() => h('div', { class: 'alert alert-error', role: 'alert', testid: 'error-message' },
          h('p', {}, t('form.draftKept')), h('p', {}, describe(error))));
        go(`/notices/${encodeURIComponent(notice.id)}`);
      }
    }
  }

  return () => control.abort();
}
