import test from 'node:test';
import assert from 'node:assert/strict';
import { channelCounts, nonZeroCounters } from '../../main/resources/static/assets/js/counts.js';
import { paging } from '../../main/resources/static/assets/js/paging.js';

test('a channel lacking counters shows them as zero, totalled', () => {
  assert.deepEqual(channelCounts({ delivered: 2, failed: 1 }),
    { counts: { delivered: 2, sent: 0, pending: 0, failed: 1, skipped: 0 }, total: 3 });
  assert.equal(channelCounts(undefined).total, 0);
});

test('the API\'s total wins over the counters\' sum', () => {
  assert.equal(channelCounts({ delivered: 2, total: 5 }).total, 5);
});

test('only counters above zero are shown, in the page\'s order', () => {
  assert.deepEqual(nonZeroCounters({ skipped: 1, delivered: 3, failed: 0 }), ['delivered', 'skipped']);
  assert.deepEqual(nonZeroCounters(null), []);
});

test('a first page of several has a next page and no previous one', () => {
  assert.deepEqual(paging({ page: 0, totalPages: 3, totalItems: 120 }),
    { page: 1, pages: 3, n: 120, previous: false, next: true, buttons: true });
});

test('the last page has a previous page and no next one', () => {
  const last = paging({ page: 2, totalPages: 3, totalItems: 120 });
  assert.equal(last.previous, true);
  assert.equal(last.next, false);
  assert.equal(last.page, 3);
});

test('a single page shows only its summary, and an empty one nothing', () => {
  assert.deepEqual(paging({ page: 0, totalPages: 1, totalItems: 7 }),
    { page: 1, pages: 1, n: 7, previous: false, next: false, buttons: false });
  assert.equal(paging({ page: 0, totalPages: 0, totalItems: 0 }), null);
  assert.equal(paging(null), null);
});
