import './browser-globals.mjs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { decodeClaims, isExpired, signIn, signOut, properties, displayName, isSignedIn, hasRole }
  from '../../main/resources/static/assets/js/session.js';

function token(claims) {
  const base64url = (text) => Buffer.from(text, 'utf8').toString('base64url');
  return `${base64url('{"alg":"HS256"}')}.${base64url(JSON.stringify(claims))}.signature`;
}

test('claims are decoded from the middle part, UTF-8 and base64url included', () => {
  assert.deepEqual(decodeClaims(token({ sub: 'u1', name: 'Zoé Tremblay ✓' })), { sub: 'u1', name: 'Zoé Tremblay ✓' });
});

test('a token that is not three parts of JSON has no claims', () => {
  assert.equal(decodeClaims('not-a-token'), null);
  assert.equal(decodeClaims('a.%%%.c'), null);
  assert.equal(decodeClaims(`a.${Buffer.from('"text"').toString('base64url')}.c`), null);
  assert.equal(decodeClaims(null), null);
});

test('a token expires at its exp second, not before', () => {
  assert.equal(isExpired({ exp: 100 }, 99_999), false);
  assert.equal(isExpired({ exp: 100 }, 100_000), true);
  assert.equal(isExpired({}, Date.now()), false);
});

test('a signed-in session shows the name and the properties of its token', () => {
  signIn(` ${token({ sub: 'u1', name: 'Ann', properties: ['p-1', 2], exp: Date.now() / 1000 + 60 })} `);
  assert.equal(isSignedIn(), true);
  assert.equal(displayName(), 'Ann');
  assert.deepEqual(properties(), ['p-1', '2']);
  signOut('signin.sessionEnded');
  assert.equal(isSignedIn(), false);
});

test('the roles of the token decide what the page offers, and a token without roles has none', () => {
  signIn(token({ sub: 'a1', roles: ['PROPERTY_ADMIN'], exp: Date.now() / 1000 + 60 }));
  assert.equal(hasRole('PROPERTY_ADMIN'), true);
  assert.equal(hasRole('PROPERTY_MANAGER'), false);
  signIn(token({ sub: 'm1', roles: 'PROPERTY_ADMIN', exp: Date.now() / 1000 + 60 }));
  assert.equal(hasRole('PROPERTY_ADMIN'), false, 'roles must be a list');
  signOut();
  assert.equal(hasRole('PROPERTY_ADMIN'), false);
});
