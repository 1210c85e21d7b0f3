// The properties the token gives access to, each with its notices and residents.

import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import * as session from '../session.js';
import { link } from '../router.js';
import { pageHeader } from '../components.js';

export function homeView(main) {
  const properties = session.properties();
  fill(main, h('section', {},
    pageHeader(t('home.title')),
    h('p', { class: 'muted' }, properties.length ? t('home.intro') : t('home.none')),
    h('ul', { class: 'property-list' }, properties.map((id) => h('li', { class: 'card property-card' },
      h('h2', {}, t('home.property', { id })),
      h('div', { class: 'property-links' },
        h('a', { class: 'button button-primary', href: link('properties', id, 'notices') }, t('tabs.notices')),
        h('a', { class: 'button', href: link('properties', id, 'residents') }, t('tabs.residents'))))))));
}
