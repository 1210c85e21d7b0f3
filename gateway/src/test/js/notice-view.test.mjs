import './browser-globals.mjs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { shownChannels } from '../../main/resources/static/assets/js/views/notice/stats.js';

test('the notice view and its components link: every import they name exists', async () => {
  const view = await import('../../main/resources/static/assets/js/views/notice.js');
  assert.equal(typeof view.noticeView, 'function');
  const settings = await import('../../main/resources/static/assets/js/views/property-settings.js');
  assert.equal(typeof settings.propertySettingsView, 'function');
});

test('a notice shows the channels its manager chose, then one a fallback resend added', () => {
  assert.deepEqual(shownChannels({ channels: ['EMAIL'], stats: { sms: { total: 0 } } }), ['EMAIL']);
  assert.deepEqual(shownChannels({ channels: ['EMAIL'], stats: { sms: { total: 1 } } }), ['EMAIL', 'SMS']);
  assert.deepEqual(shownChannels({ channels: ['SMS', 'EMAIL'], stats: {} }), ['SMS', 'EMAIL']);
  assert.deepEqual(shownChannels({}), []);
});
