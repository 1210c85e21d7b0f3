// The "Resend failures" dialog (CONTRACT §1): three scopes with the counts the API will really resend, notes about
// what cannot be resent, and one Idempotency-Key per opening so a double click or a retry never resends twice.

import { h, fill, uid, srOnly } from '../dom.js';
import { t, countsText } from '../i18n.js';
import { get, post, withQuery, newIdempotencyKey, ApiError } from '../api.js';
import { errorAlert } from '../components.js';
import { dateTime, timeIn } from '../format.js';

export const SCOPES = ['FAILED_ONLY', 'ALL_UNDELIVERED', 'SELECTED'];
const RECOMMENDED = 'FAILED_ONLY';
/** Past this many ticked recipients the ids go in a POST body instead of the query string. */
const MAX_IDS_IN_URL = 40;

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * noticeId; selectedIds: the ticked recipients; onResent(answer) after a 202; onShowFailed() when the manager
 * chooses to look at the failed recipients instead; opener: the element focus returns to.
 */
export function openResendDialog({ noticeId, selectedIds, onResent, onShowFailed, opener }) {
  const idempotencyKey = newIdempotencyKey();
  const control = new AbortController();
  const ids = [...selectedIds];
  const path = `/api/notices/${encodeURIComponent(noticeId)}`;
  const titleId = uid('resend-title');
  const introId = uid('resend-intro');
  const groupName = uid('scope');
  const errorSlot = h('div', { class: 'messages' });
  const notes = h('div', { class: 'scope-notes', 'aria-live': 'polite' });
  // "Never at night": how many of the chosen scope's SMS would wait for the end of quiet hours, and until when
  const quietHint = h('p', { class: 'hint quiet-hours-hint', testid: 'quiet-hours-hint', hidden: true });
  let quietHours = null;
  const scopes = {};
  // "Also try their other channel" (README "Reach them another way"): off by default; when ticked, every scope shows
  // and sends its counts with the fallback (option.fallback.total).
  const fallbackHintId = uid('fallback-hint');
  const fallbackBox = h('input', {
    type: 'checkbox', id: uid('fallback'), testid: 'resend-fallback', disabled: true,
    'aria-describedby': fallbackHintId, onchange: () => render(),
  });
  const fallbackHint = h('p', { class: 'hint', id: fallbackHintId, testid: 'fallback-hint' });
  const fallbackRow = h('div', { class: 'fallback-option' },
    fallbackBox,
    h('div', { class: 'scope-text' },
      h('label', { for: fallbackBox.id, class: 'scope-label' }, t('resend.fallback')),
      fallbackHint));
  let options = null;
  let submitting = false;

  const rows = SCOPES.map((scope) => {
    const descriptionId = uid('scope-desc');
    const input = h('input', {
      type: 'radio', name: groupName, id: uid('scope'), value: scope, testid: `scope-${scope}`,
      disabled: true, checked: scope === RECOMMENDED, 'aria-describedby': descriptionId,
      onchange: () => update(),
    });
    const count = h('span', { class: 'count-number', testid: `scope-count-${scope}` }, '…');
    const countWord = srOnly('');
    const targets = h('span', { class: 'scope-targets' });
    const description = h('p', { class: 'hint', id: descriptionId }, t(`scope.${scope}.desc`), ' ', targets);
    scopes[scope] = { input, count, countWord, targets, description };
    return h('div', { class: 'scope-option' },
      input,
      h('div', { class: 'scope-text' },
        h('label', { for: input.id, class: 'scope-label' },
          h('span', { class: 'scope-name' }, t(`scope.${scope}`)),
          scope === RECOMMENDED ? h('span', { class: 'tag' }, t('resend.recommended')) : null,
          h('span', { class: 'count-pill' }, count, countWord)),
        description));
  });

  const submit = h('button', { type: 'submit', class: 'button button-primary', testid: 'resend-submit', disabled: true },
    t('resend.submit'));
  const cancel = h('button', { type: 'button', class: 'button', onclick: () => close() }, t('resend.cancel'));
  const title = h('h2', { id: titleId, tabindex: '-1' }, t('resend.title'));
  const form = h('form', { onsubmit: (event) => { event.preventDefault(); resend(); } },
    title,
    h('p', { id: introId, class: 'muted' }, t('resend.intro')),
    h('fieldset', { class: 'scope-group' }, h('legend', {}, t('resend.legend')), rows),
    fallbackRow,
    quietHint,
    notes,
    errorSlot,
    h('div', { class: 'dialog-actions' }, cancel, submit));
  const dialog = h('dialog', {
    class: 'dialog', testid: 'resend-dialog', 'aria-labelledby': titleId, 'aria-describedby': introId,
  }, form);

  // showModal already makes the page behind inert; wrapping Tab keeps focus from wandering to the browser chrome.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') {
      return;
    }
    const focusable = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (!focusable.length) {
      return;
    }
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  dialog.addEventListener('close', () => {
    control.abort();
    dialog.remove();
    if (opener && opener.isConnected) {
      opener.focus();
    } else {
      document.querySelector('main h1')?.focus();
    }
  });

  function close() {
    if (dialog.open) {
      dialog.close();
    }
  }

  function chosen() {
    return SCOPES.find((scope) => scopes[scope].input.checked && !scopes[scope].input.disabled) || null;
  }

  function targetsText(option) {
    const list = countsText(option.emails, option.sms);
    return list ? `(${list})` : '';
  }

  /** What a scope resends as the dialog stands: with the fallback ticked, its counts with the fallback. */
  function effective(option) {
    if (!option) {
      return { recipients: 0, emails: 0, sms: 0, enabled: false };
    }
    if (fallbackBox.checked && option.fallback) {
      return { ...option, ...option.fallback.total, enabled: option.fallback.enabled };
    }
    return option;
  }

  function fallbacks(option) {
    return option && option.fallback ? (option.fallback.emails ?? 0) + (option.fallback.sms ?? 0) : 0;
  }

  function show(answer) {
    options = Object.fromEntries((answer.options || []).map((option) => [option.scope, option]));
    quietHours = answer.quietHours || null;
    render();
    if (!chosen()) {
      fill(errorSlot, errorAlert(t(answer.resendable === false ? 'errors.NOTICE_NOT_RESENDABLE' : 'errors.NO_FAILED_RECIPIENTS')));
    }
    if (document.activeElement === title && chosen()) {
      scopes[chosen()].input.focus();
    }
  }

  function render() {
    if (!options) {
      return;
    }
    fallbackBox.disabled = !SCOPES.some((scope) => fallbacks(options[scope]) > 0);
    if (fallbackBox.disabled) {
      fallbackBox.checked = false;
    }
    for (const scope of SCOPES) {
      const option = effective(options[scope]);
      const parts = scopes[scope];
      parts.count.textContent = String(option.recipients ?? 0);
      parts.countWord.textContent = ` ${t('resend.recipientsWord', { n: option.recipients ?? 0 })}`;
      parts.targets.textContent = targetsText(option);
      const noneTicked = scope === 'SELECTED' && ids.length === 0;
      parts.input.disabled = noneTicked || !option.enabled;
      if (noneTicked) {
        parts.targets.textContent = t('scope.SELECTED.none');
      }
    }
    if (!chosen()) {
      const firstEnabled = SCOPES.find((scope) => !scopes[scope].input.disabled);
      if (firstEnabled) {
        scopes[firstEnabled].input.checked = true;
      }
    }
    update();
  }

  function update() {
    const scope = chosen();
    submit.disabled = submitting || !scope;
    // With no scope left to choose (e.g. every failure is cooling down), the recommended scope's notes say why.
    const offered = options ? options[scope || RECOMMENDED] : null;
    const byFallback = fallbacks(offered);
    fallbackHint.textContent = byFallback > 0
      ? t('resend.fallbackHint', { list: countsText(offered.fallback.emails, offered.fallback.sms) })
      : t('resend.fallbackNone');
    if (!offered) {
      notes.replaceChildren();
      quietHint.hidden = true;
      return;
    }
    const option = effective(offered);
    const waiting = quietHours && scope ? option.sms ?? 0 : 0;
    quietHint.hidden = waiting === 0;
    quietHint.textContent = waiting === 0 ? '' : t('resend.quietHours', {
      n: waiting, at: timeIn(quietHours.until, quietHours.timeZone), zone: quietHours.timeZone,
    });
    const lines = [];
    const skipped = option.skipped || {};
    if (skipped.noAddress > 0) {
      lines.push(h('li', {}, t('resend.skippedNoAddress', { n: skipped.noAddress })));
    }
    if (skipped.optedOut > 0) {
      lines.push(h('li', {}, t('resend.skippedOptedOut', { n: skipped.optedOut })));
    }
    if (skipped.resendLimit > 0) {
      lines.push(h('li', { testid: 'resend-limit' }, t('resend.skippedResendLimit', { n: skipped.resendLimit })));
    }
    if (skipped.coolingDown > 0) {
      lines.push(h('li', { testid: 'cooling-down' },
        t('resend.skippedCoolingDown', { n: skipped.coolingDown, at: dateTime(option.nextEligibleAt) })));
    }
    if (option.addressUnchanged > 0) {
      lines.push(h('li', { testid: 'address-unchanged' }, t('resend.addressUnchanged', { n: option.addressUnchanged }), ' ',
        h('button', { type: 'button', class: 'link-button', onclick: () => { close(); onShowFailed(); } },
          t('resend.showFailed'))));
    }
    fill(notes, lines.length ? h('ul', { class: 'notes-list' }, lines) : null);
  }

  async function loadOptions() {
    try {
      const answer = ids.length > MAX_IDS_IN_URL
        ? await post(`${path}/resend-options`, { recipientIds: ids }, { signal: control.signal })
        : await get(withQuery(`${path}/resend-options`, { selected: ids.join(',') }), { signal: control.signal });
      show(answer);
    } catch (error) {
      if (error.name !== 'AbortError') {
        fill(errorSlot, errorAlert(error));
      }
    }
  }

  async function resend() {
    const scope = chosen();
    if (!scope || submitting) {
      return;
    }
    submitting = true;
    submit.disabled = true;
    submit.textContent = t('resend.sending');
    form.setAttribute('aria-busy', 'true');
    errorSlot.replaceChildren();
    const request = scope === 'SELECTED' ? { scope, recipientIds: ids } : { scope };
    if (fallbackBox.checked) {
      request.fallback = true;
    }
    try {
      const answer = await post(`${path}/resends`, request, { headers: { 'Idempotency-Key': idempotencyKey } });
      close();
      onResent(answer);
    } catch (error) {
      fill(errorSlot, errorAlert(error));
      if (error instanceof ApiError && ['NO_FAILED_RECIPIENTS', 'NOTICE_NOT_RESENDABLE'].includes(error.code)) {
        loadOptions(); // the counts changed under us: show the current ones
      }
    } finally {
      submitting = false;
      submit.textContent = t('resend.submit');
      form.removeAttribute('aria-busy');
      update();
    }
  }

  document.body.append(dialog);
  dialog.showModal();
  title.focus();
  loadOptions();
  return dialog;
}
