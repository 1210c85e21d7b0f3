import './browser-globals.mjs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { dateTime, localInputToIso } from '../../main/resources/static/assets/js/format.js';

test('a datetime-local value is sent as a UTC instant', () => {
  const iso = localInputToIso('2030-05-01T09:30');
  assert.equal(iso, new Date('2030-05-01T09:30').toISOString());
  assert.match(iso, /Z$/);
});

test('a value that is no date is no instant', () => {
  assert.equal(localInputToIso('tomorrow-ish'), null);
});

test('a date that cannot be read is shown as it came, and none as nothing', () => {
  assert.equal(dateTime('not a date'), 'not a date');
  assert.equal(dateTime(null), '');
});
