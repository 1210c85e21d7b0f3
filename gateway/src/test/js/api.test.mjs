import './browser-globals.mjs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, withQuery, describe, fieldErrors } from '../../main/resources/static/assets/js/api.js';
import { setLanguage } from '../../main/resources/static/assets/js/i18n.js';

setLanguage('en');

test('a query leaves out empty values and encodes the rest', () => {
  assert.equal(withQuery('/api/x', { status: 'FAILED', channel: '', page: 0, q: 'a&b', none: null }),
    '/api/x?status=FAILED&page=0&q=a%26b');
  assert.equal(withQuery('/api/x', { channel: undefined }), '/api/x');
});

test('a problem with a known code is described in the page\'s words', () => {
  const error = new ApiError(409, { code: 'NOTICE_NOT_RESENDABLE', detail: 'server words' });
  assert.match(describe(error), /^This notice cannot be resent now/);
  assert.equal(error.code, 'NOTICE_NOT_RESENDABLE');
});

test('a problem with an unknown code shows its detail, then its title, then the status', () => {
  assert.equal(describe(new ApiError(400, { code: 'SOMETHING_NEW', detail: 'the detail' })), 'the detail');
  assert.equal(describe(new ApiError(502, { title: 'Bad Gateway' })), 'Bad Gateway');
  assert.equal(describe(new ApiError(500, null)), 'Something went wrong (HTTP 500).');
});

test('no answer at all is a network error', () => {
  assert.equal(describe(new ApiError(0, { code: 'NETWORK' })),
    'The server cannot be reached. Check your connection and try again.');
});

test('field errors read as "field: message" lines', () => {
  const error = new ApiError(400, { code: 'VALIDATION_FAILED',
    errors: [{ field: 'email', message: 'must be an email' }, { message: 'one more' }] });
  assert.deepEqual(fieldErrors(error), ['email: must be an email', 'one more']);
  assert.deepEqual(fieldErrors(new Error('x')), []);
});
