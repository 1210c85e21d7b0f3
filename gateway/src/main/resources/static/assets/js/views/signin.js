// Sign in by pasting a bearer token; in the local profile also a form that asks the gateway's dev endpoint for one.

import { h, fill, uid } from '../dom.js';
import { t } from '../i18n.js';
import * as session from '../session.js';
import { post, ApiError } from '../api.js';
import { errorAlert, field, pageHeader } from '../components.js';

export function signInView(main, { reason }) {
  const messages = h('div', { class: 'messages' }, reason ? errorAlert(t(reason)) : null);
  const tokenInput = h('textarea', {
    id: uid('token'), testid: 'signin-token', rows: 4, required: true, autocomplete: 'off',
    spellcheck: 'false', class: 'mono',
  });

  function useToken(value) {
    const text = String(value || '').trim().replace(/^Bearer\s+/i, '');
    const claims = session.decodeClaims(text);
    if (!claims) {
      fill(messages, errorAlert(t('signin.invalid')));
      return;
    }
    if (session.isExpired(claims)) {
      fill(messages, errorAlert(t('signin.expired')));
      return;
    }
    session.signIn(text);
  }

  const tokenForm = h('form', {
    class: 'card stack', onsubmit: (event) => {
      event.preventDefault();
      useToken(tokenInput.value);
    },
  },
  h('p', {}, t('signin.intro')),
  field(t('signin.token'), tokenInput),
  h('div', { class: 'form-actions' },
    h('button', { type: 'submit', class: 'button button-primary', testid: 'signin-submit' }, t('signin.submit'))));

  const devSlot = h('div');
  fill(main, h('section', { class: 'narrow' }, pageHeader(t('signin.title')), messages, tokenForm, devSlot));
  tokenInput.focus();

  const control = new AbortController();
  offerDevSignIn(devSlot, messages, useToken, control.signal);
  return () => control.abort();
}

/**
 * The dev token endpoint exists only in the gateway's local profile. Asking it with an empty request tells us whether
 * it is there (anything but 404) without issuing a usable token for anyone.
 */
async function offerDevSignIn(slot, messages, useToken, signal) {
  try {
    const probe = await fetch('/dev/token', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', signal, credentials: 'omit',
    });
    if (probe.status === 404 || probe.status === 405) {
      return;
    }
  } catch {
    return;
  }
  const user = h('input', { id: uid('dev-user'), value: 'manager-1', autocomplete: 'off', required: true });
  const name = h('input', { id: uid('dev-name'), value: 'Dana Manager', autocomplete: 'off', required: true });
  const properties = h('input', { id: uid('dev-properties'), value: '', autocomplete: 'off', placeholder: 'p-1' });
  const roles = ['PROPERTY_MANAGER', 'PROPERTY_ADMIN'].map((role, i) => {
    const input = h('input', { type: 'checkbox', id: uid('dev-role'), value: role, checked: i === 0 });
    return h('label', { class: 'check' }, input, ` ${role}`);
  });
  const form = h('form', {
    class: 'card stack', onsubmit: async (event) => {
      event.preventDefault();
      const chosenRoles = roles.map((label) => label.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
      if (!chosenRoles.length) {
        fill(messages, errorAlert(t('signin.dev.needRole')));
        return;
      }
      try {
        const answer = await post('/dev/token', {
          sub: user.value.trim(),
          name: name.value.trim(),
          roles: chosenRoles,
          properties: properties.value.split(',').map((p) => p.trim()).filter(Boolean),
        });
        useToken(answer?.token);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          slot.replaceChildren();
        }
        fill(messages, errorAlert(error));
      }
    },
  },
  h('h2', {}, t('signin.dev.title')),
  h('p', { class: 'muted' }, t('signin.dev.intro')),
  h('div', { class: 'grid-2' }, field(t('signin.dev.user'), user), field(t('signin.dev.name'), name)),
  h('fieldset', { class: 'inline-choices' }, h('legend', {}, t('signin.dev.roles')), roles),
  field(t('signin.dev.properties'), properties, t('signin.dev.propertiesHint')),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button' }, t('signin.dev.submit'))));
  fill(slot, form);
}
