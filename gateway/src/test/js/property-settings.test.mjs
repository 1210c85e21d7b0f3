import './browser-globals.mjs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { timeZones, settingsPatch } from '../../main/resources/static/assets/js/views/property-settings.js';

test('the property’s zone is offered even when the browser’s list lacks it, and never twice', () => {
  assert.deepEqual(timeZones('UTC', ['America/Toronto', 'Europe/Paris']), ['UTC', 'America/Toronto', 'Europe/Paris']);
  assert.deepEqual(timeZones('Europe/Paris', ['America/Toronto', 'Europe/Paris']), ['America/Toronto', 'Europe/Paris']);
});

test('the form sends every member, so what the administrator saw is what the property gets', () => {
  assert.deepEqual(settingsPatch({ timeZone: 'Europe/Paris', enabled: false, start: '22:00', end: '07:30' }),
    { timeZone: 'Europe/Paris', quietHours: { enabled: false, start: '22:00', end: '07:30' } });
});
