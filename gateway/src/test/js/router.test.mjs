import './browser-globals.mjs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { route, current, link } from '../../main/resources/static/assets/js/router.js';

const noticeView = () => 'notice';
const noticesView = () => 'notices';
route('/notices/:noticeId', noticeView);
route('/properties/:propertyId/notices', noticesView);

test('a hash path gives its view and decoded parameters', () => {
  location.hash = '#/notices/n%2F1';
  const { view, params } = current();
  assert.equal(view, noticeView);
  assert.deepEqual(params, { noticeId: 'n/1' });
});

test('the query after the path is parsed apart', () => {
  location.hash = '#/properties/p-1/notices?status=FAILED&page=2';
  const { view, params, query, path } = current();
  assert.equal(view, noticesView);
  assert.deepEqual(params, { propertyId: 'p-1' });
  assert.deepEqual(query, { status: 'FAILED', page: '2' });
  assert.equal(path, '/properties/p-1/notices');
});

test('a path no route matches has no view', () => {
  location.hash = '#/notices/n-1/extra';
  assert.equal(current().view, null);
});

test('an empty hash is the home path', () => {
  location.hash = '';
  assert.equal(current().path, '/');
});

test('a link encodes every segment', () => {
  assert.equal(link('notices', 'a b/c'), '#/notices/a%20b%2Fc');
});
