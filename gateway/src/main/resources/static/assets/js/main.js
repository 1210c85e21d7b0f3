// Boots the page: the top bar, the routes, and re-rendering when the route, the session or the language changes.

import { h, fill } from './dom.js';
import { t, language, setLanguage, onLanguageChange } from './i18n.js';
import * as session from './session.js';
import { route, current } from './router.js';
import { signInView } from './views/signin.js';
import { homeView } from './views/home.js';
import { noticesView } from './views/notices.js';
import { noticeFormView } from './views/notice-form.js';
import { residentsView } from './views/residents.js';
import { residentView } from './views/resident.js';
import { noticeView } from './views/notice.js';
import { resendDetailView } from './views/resend-detail.js';
import { propertySettingsView } from './views/property-settings.js';

route('/', homeView);
route('/properties/:propertyId/notices', noticesView);
route('/properties/:propertyId/notices/new', noticeFormView);
route('/properties/:propertyId/residents', residentsView);
route('/properties/:propertyId/settings', propertySettingsView);
route('/residents/:residentId', residentView);
route('/notices/:noticeId', noticeView);
route('/notices/:noticeId/resends/:resendId', resendDetailView);

const main = document.getElementById('main');
let cleanup = null;
let signInReason = null;

function topbar() {
  document.getElementById('brand-name').textContent = t('app.brand');
  document.getElementById('skip-link').textContent = t('app.skip');
  const other = language() === 'en' ? 'fr' : 'en';
  const switcher = h('button', {
    type: 'button',
    class: 'button button-quiet',
    testid: 'lang-switch',
    lang: other,
    'aria-label': t('app.lang.aria'),
    onclick: () => setLanguage(other),
  }, t('app.lang.label'));
  const nav = document.getElementById('topbar-nav');
  if (!session.isSignedIn()) {
    fill(nav, switcher);
    return;
  }
  fill(nav,
    h('span', { class: 'whoami' }, t('app.signedInAs', { name: session.displayName() })),
    switcher,
    h('button', { type: 'button', class: 'button button-quiet', testid: 'sign-out',
      onclick: () => session.signOut() }, t('app.signOut')));
}

function render({ moveFocus = false } = {}) {
  cleanup?.();
  cleanup = null;
  if (session.token() && !session.isSignedIn()) {
    // The stored token expired while the tab was open.
    sessionStorage.removeItem('propty.token');
    signInReason = 'signin.expired';
  }
  topbar();
  if (!session.isSignedIn()) {
    cleanup = signInView(main, { reason: signInReason });
    return;
  }
  signInReason = null;
  const { view, params, query } = current();
  if (!view) {
    document.title = t('app.brand');
    fill(main, h('div', { class: 'card' }, h('h1', {}, t('app.notFound')),
      h('p', {}, h('a', { href: '#/' }, t('app.backHome')))));
  } else {
    cleanup = view(main, params, query) || null;
  }
  if (moveFocus) {
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

window.addEventListener('hashchange', () => render({ moveFocus: true }));
onLanguageChange(() => render());
session.onSessionChange(({ signedIn, reason }) => {
  signInReason = signedIn ? null : reason || null;
  render({ moveFocus: true });
});
render();
