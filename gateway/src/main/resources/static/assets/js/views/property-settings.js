// A property's settings (README "Never at night"): its time zone and SMS quiet hours. Anyone of the property sees
// them; a property administrator changes them (the API refuses anyone else, so the page does not offer it).

import { h, fill, uid } from '../dom.js';
import { t } from '../i18n.js';
import { get, patch } from '../api.js';
import * as session from '../session.js';
import { dateTime } from '../format.js';
import { field, pageHeader, propertyTabs, showError, showSuccess, loading } from '../components.js';

/** The zones the browser knows, with the property's own first when the list lacks it (e.g. "UTC" in some). */
export function timeZones(current, known = supportedZones()) {
  return known.includes(current) ? known : [current, ...known];
}

function supportedZones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/** The merge patch the form sends: every member, so what the administrator sees is what the property gets. */
export function settingsPatch({ timeZone, enabled, start, end }) {
  return { timeZone, quietHours: { enabled, start, end } };
}

export function propertySettingsView(main, { propertyId }) {
  const control = new AbortController();
  const path = `/api/properties/${encodeURIComponent(propertyId)}/settings`;
  const admin = session.hasRole('PROPERTY_ADMIN');
  const messages = h('div', { class: 'messages' });
  const body = h('div', {}, loading());

  fill(main, h('section', {},
    pageHeader(t('settings.title')),
    h('p', { class: 'muted' }, t('home.property', { id: propertyId })),
    propertyTabs(propertyId, 'settings'),
    messages,
    body));

  async function load() {
    try {
      render(await get(path, { signal: control.signal }));
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(messages, error);
        body.replaceChildren();
      }
    }
  }

  function render(settings) {
    const quiet = settings.quietHours || {};
    const zone = h('select', { id: uid('time-zone'), testid: 'settings-time-zone', disabled: !admin },
      timeZones(settings.timeZone).map((z) => h('option', { value: z, selected: z === settings.timeZone }, z)));
    const enabled = h('input', {
      type: 'checkbox', id: uid('quiet-enabled'), testid: 'settings-quiet-enabled', checked: Boolean(quiet.enabled),
      disabled: !admin, onchange: () => sync(),
    });
    // seconds only when the stored window has them (a test's window ending a minute from now)
    const time = (value, testid) => h('input', {
      type: 'time', id: uid(testid), testid, value, required: true, disabled: !admin,
      step: String(value || '').length > 5 ? 1 : 60,
    });
    const start = time(quiet.start, 'settings-quiet-start');
    const end = time(quiet.end, 'settings-quiet-end');
    const windowFields = h('div', { class: 'inline-fields' },
      field(t('settings.start'), start), field(t('settings.end'), end));
    const sync = () => {
      start.disabled = !admin || !enabled.checked;
      end.disabled = !admin || !enabled.checked;
    };
    sync();
    const save = h('button', { type: 'submit', class: 'button button-primary', testid: 'settings-save' }, t('settings.save'));
    const form = h('form', {
      class: 'card stack',
      onsubmit: async (event) => {
        event.preventDefault();
        save.disabled = true;
        messages.replaceChildren();
        try {
          const answer = await patch(path, settingsPatch({
            timeZone: zone.value, enabled: enabled.checked, start: start.value, end: end.value,
          }), { signal: control.signal });
          render(answer);
          showSuccess(messages, t('settings.saved'), 'settings-saved');
        } catch (error) {
          if (error.name !== 'AbortError') {
            showError(messages, error);
          }
        } finally {
          save.disabled = false;
        }
      },
    },
    field(t('settings.timeZone'), zone, t('settings.timeZoneHint')),
    h('fieldset', { class: 'stack' },
      h('legend', {}, t('settings.quietHours')),
      h('label', { class: 'check', for: enabled.id }, enabled, ` ${t('settings.quietHoursEnabled')}`),
      h('p', { class: 'hint' }, t('settings.quietHoursHint')),
      windowFields),
    h('p', { class: 'muted', testid: 'settings-updated' }, settings.updatedAt
      ? t('settings.updated', { name: settings.updatedBy?.name || settings.updatedBy?.id || '', date: dateTime(settings.updatedAt) })
      : t('settings.defaults')),
    admin ? h('div', { class: 'form-actions' }, save)
      : h('p', { class: 'hint', testid: 'settings-read-only' }, t('settings.readOnly')));
    fill(body, form);
  }

  load();
  return () => control.abort();
}
