// A notice's delivery statistics: the summary (recipients, received, failed) and one card per shown channel with its
// bar and counters. Pure rendering from the notice as the API or the stream gave it.

import { h, fill, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { number } from '../../format.js';
import { COUNTERS, channelCounts, nonZeroCounters } from '../../counts.js';

/**
 * The channels a notice's stats and table show: the ones its manager chose, then one a fallback resend added (README
 * "Reach them another way": an email-only notice that reached someone by SMS shows an SMS total).
 */
export function shownChannels(notice) {
  const chosen = notice.channels || [];
  const added = ['EMAIL', 'SMS'].filter((c) => !chosen.includes(c) && (notice.stats?.[c.toLowerCase()]?.total ?? 0) > 0);
  return [...chosen, ...added];
}

export function renderStats(section, notice) {
  const s = notice.stats || {};
  const metric = (key, value, emphasis) => h('div', { class: emphasis && value > 0 ? 'metric metric-failed' : 'metric' },
    h('dt', {}, t(`stats.${key}`)), h('dd', { dataset: { count: key } }, number(value)));
  fill(section,
    h('h2', { id: 'stats-title', class: 'sr-only' }, t('notice.stats')),
    h('dl', { class: 'metrics', testid: 'stats-summary' },
      metric('recipients', s.recipients ?? 0),
      metric('received', s.received ?? 0),
      metric('failedRecipients', s.failedRecipients ?? 0, true)),
    h('div', { class: 'channel-cards' }, shownChannels(notice).map((channel) => channelCard(channel, s[channel.toLowerCase()]))));
}

function channelCard(channel, channelStats = {}) {
  const { counts: c, total } = channelCounts(channelStats);
  const headingId = uid('channel');
  const bar = h('div', {
    class: 'bar', role: 'img',
    'aria-label': t('stats.bar', { channel: t(`channel.${channel}`), ...c }),
  }, nonZeroCounters(c).map((k) => {
    const segment = h('span', { class: `bar-segment seg-${k}` });
    segment.style.flexGrow = String(c[k]); // CSSOM, not a style attribute: allowed by the page's CSP
    return segment;
  }));
  return h('section', { class: 'card channel-card', testid: `stats-${channel.toLowerCase()}`, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, t(`channel.${channel}`), ' ', h('span', { class: 'muted' }, t('stats.total', { n: total }))),
    bar,
    h('dl', { class: 'counts' }, COUNTERS.map((k) => h('div', { class: `count count-${k}` },
      h('dt', {}, h('span', { class: `dot seg-${k}`, 'aria-hidden': 'true' }), t(`stats.${k}`)),
      h('dd', { dataset: { count: k } }, number(c[k]))))));
}
