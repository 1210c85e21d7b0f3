// A resident's profile: the help page's "check the profile and update the address" step.

import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import { get, patch, del } from '../api.js';
import { link, go } from '../router.js';
import { pageHeader, showError, showSuccess, loading, flashNext } from '../components.js';
import { residentInputs, residentFields } from './residents.js';

const FIELDS = ['name', 'email', 'phone', 'unit'];

export function residentView(main, { residentId }, query) {
  const control = new AbortController();
  const messages = h('div', { class: 'messages' });
  const body = h('div', {}, loading());
  fill(main, h('section', { class: 'narrow' }, pageHeader(t('resident.title')), messages, body));

  async function load() {
    try {
      const resident = await get(`/api/residents/${encodeURIComponent(residentId)}`, { signal: control.signal });
      render(resident);
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(messages, error);
        body.replaceChildren();
      }
    }
  }

  function render(resident) {
    let saved = resident;
    const inputs = residentInputs(resident);
    const back = [];
    if (query.notice) {
      back.push(h('a', { class: 'button', href: link('notices', query.notice) }, t('resident.backToNotice')));
    }
    back.push(h('a', { class: 'button button-quiet', href: link('properties', resident.propertyId, 'residents') },
      t('resident.backToList')));

    const form = h('form', {
      class: 'card stack', novalidate: true, onsubmit: async (event) => {
        event.preventDefault();
        // JSON merge patch: only what changed; an emptied field is sent as null, which clears it.
        const change = {};
        for (const key of FIELDS) {
          const value = inputs[key].value.trim();
          const before = saved[key] || '';
          if (value !== before) {
            change[key] = value === '' ? null : value;
          }
        }
        if (!Object.keys(change).length) {
          showSuccess(messages, t('resident.unchanged'), 'resident-saved');
          return;
        }
        try {
          saved = await patch(`/api/residents/${encodeURIComponent(residentId)}`, change, { signal: control.signal });
          showSuccess(messages, t('resident.saved'), 'resident-saved');
        } catch (error) {
          if (error.name !== 'AbortError') {
            showError(messages, error);
          }
        }
      },
    },
    h('p', { class: 'muted' }, t('resident.fixHint')),
    residentFields(inputs),
    h('p', { class: 'hint' }, t('resident.clearHint')),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'button button-danger', onclick: archive }, t('resident.archive')),
      h('span', { class: 'spacer' }),
      h('button', { type: 'submit', class: 'button button-primary', testid: 'resident-save' }, t('resident.save'))));

    async function archive() {
      if (!window.confirm(t('resident.archiveConfirm', { name: saved.name }))) {
        return;
      }
      try {
        await del(`/api/residents/${encodeURIComponent(residentId)}`, { signal: control.signal });
        flashNext(() => h('div', { class: 'alert alert-success', role: 'status' }, h('p', {}, t('resident.archived', { name: saved.name }))));
        go(`/properties/${encodeURIComponent(saved.propertyId)}/residents`);
      } catch (error) {
        if (error.name !== 'AbortError') {
          showError(messages, error);
        }
      }
    }

    fill(body, h('div', { class: 'back-links' }, back), form);
  }

  load();
  return () => control.abort();
}
