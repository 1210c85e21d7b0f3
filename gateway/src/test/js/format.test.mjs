import './browser-globals.mjs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { dateTime, localInputToIso, timeIn } from '../../main/resources/static/assets/js/format.js';

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

test('quiet hours end at the wall-clock time of the property, not of the browser', () => {
  assert.equal(timeIn('2030-01-15T13:05:00Z', 'UTC'), '13:05');
  assert.equal(timeIn('2030-01-15T13:05:00Z', 'America/Toronto'), '08:05');
  assert.equal(timeIn('2030-07-15T13:05:00Z', 'America/Toronto'), '09:05', 'daylight saving time in summer');
  assert.equal(timeIn('2030-01-15T23:30:00Z', 'Europe/Paris'), '00:30', 'the next day, past midnight');
});

test('an instant in an unknown zone is shown as an instant, and none as nothing', () => {
  assert.equal(timeIn('2030-01-15T13:05:00Z', 'Mars/Olympus'), '2030-01-15T13:05:00.000Z');
  assert.equal(timeIn(null, 'UTC'), '');
});
