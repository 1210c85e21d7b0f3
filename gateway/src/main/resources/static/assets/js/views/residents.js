// The residents of a property: list with paging, and adding one.

import { h, fill, uid } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, withQuery } from '../api.js';
import { link } from '../router.js';
import { errorAlert, field, pager, pageHeader, propertyTabs, showError, showSuccess, loading, showFlash } from '../components.js';
import { residentImport } from './resident-import.js';

const PAGE_SIZE = 50;

/** name, email, phone, unit inputs shared by the add and edit forms. */
export function residentInputs(resident = {}) {
  return {
    name: h('input', { id: uid('name'), value: resident.name || '', required: true, autocomplete: 'off' }),
    email: h('input', { id: uid('email'), type: 'email', value: resident.email || '', autocomplete: 'off' }),
    phone: h('input', { id: uid('phone'), type: 'tel', value: resident.phone || '', autocomplete: 'off',
      placeholder: '+15145550123' }),
    unit: h('input', { id: uid('unit'), value: resident.unit || '', autocomplete: 'off' }),
  };
}

export function residentFields(inputs) {
  return [
    field(t('col.name'), inputs.name),
    h('div', { class: 'grid-2' },
      field(t('col.email'), inputs.email),
      field(t('col.phone'), inputs.phone, t('residents.phoneHint'))),
    field(t('col.unit'), inputs.unit),
  ];
}

export function residentsView(main, { propertyId }) {
  const control = new AbortController();
  let page = 0;
  const messages = h('div', { class: 'messages' });
  const results = h('div', { class: 'card table-card' }, loading());
  const inputs = residentInputs();
  const addForm = h('form', {
    class: 'stack', novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      const request = { name: inputs.name.value.trim() };
      for (const key of ['email', 'phone', 'unit']) {
        if (inputs[key].value.trim()) {
          request[key] = inputs[key].value.trim();
        }
      }
      if (!request.name) {
        fill(messages, errorAlert(t('form.required', { field: t('col.name') })));
        return;
      }
      try {
        const created = await post(`/api/properties/${encodeURIComponent(propertyId)}/residents`, request,
          { signal: control.signal });
        showSuccess(messages, t('residents.added', { name: created.name }), 'resident-added');
        Object.values(inputs).forEach((input) => { input.value = ''; });
        load();
      } catch (error) {
        if (error.name !== 'AbortError') {
          showError(messages, error);
        }
      }
    },
  }, residentFields(inputs), h('div', { class: 'form-actions' },
    h('button', { type: 'submit', class: 'button button-primary' }, t('residents.addSubmit'))));

  fill(main, h('section', {},
    pageHeader(t('residents.title')),
    h('p', { class: 'muted' }, t('home.property', { id: propertyId })),
    propertyTabs(propertyId, 'residents'),
    messages,
    h('details', { class: 'card disclosure' }, h('summary', {}, t('residents.add')), addForm),
    residentImport(propertyId, { signal: control.signal, onImported: () => { page = 0; load(); } }),
    results));
  showFlash(messages);

  async function load() {
    try {
      const answer = await get(withQuery(`/api/properties/${encodeURIComponent(propertyId)}/residents`,
        { page, size: PAGE_SIZE }), { signal: control.signal });
      fill(results, table(answer), pager(answer, (p) => {
        page = p;
        load();
      }));
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(messages, error);
        results.replaceChildren();
      }
    }
  }

  function table(answer) {
    if (!answer.items.length) {
      return h('p', { class: 'empty' }, t('residents.empty'));
    }
    const missing = () => h('span', { class: 'muted' }, t('residents.none'));
    return h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('col.name')),
        h('th', { scope: 'col' }, t('col.email')),
        h('th', { scope: 'col' }, t('col.phone')),
        h('th', { scope: 'col' }, t('col.unit')))),
      h('tbody', {}, answer.items.map((r) => h('tr', { testid: 'resident-row', dataset: { residentId: r.id } },
        h('td', {}, h('a', { href: link('residents', r.id), 'aria-label': t('residents.open', { name: r.name }) }, r.name)),
        h('td', { class: 'break' }, r.email || missing()),
        h('td', {}, r.phone || missing()),
        h('td', {}, r.unit || ''))))));
  }

  load();
  return () => control.abort();
}
