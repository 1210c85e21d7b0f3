import './browser-globals.mjs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { dictionaries, languages, t, setLanguage, language, joinAnd, countsText, resendingMessage, has }
  from '../../main/resources/static/assets/js/i18n.js';

const placeholders = (value) => [...new Set(
  (typeof value === 'object' ? Object.values(value).join(' ') : value).match(/\{\w+\}/g) || [])].sort();

function inLanguage(lang, check) {
  const before = language();
  setLanguage(lang);
  try {
    check();
  } finally {
    setLanguage(before);
  }
}

test('English and French have the same keys', () => {
  const en = Object.keys(dictionaries.en).sort();
  for (const lang of languages) {
    assert.deepEqual(Object.keys(dictionaries[lang]).sort(), en, `${lang} keys`);
  }
});

test('a label has the same placeholders in every language', () => {
  for (const [key, value] of Object.entries(dictionaries.en)) {
    assert.deepEqual(placeholders(dictionaries.fr[key]), placeholders(value), key);
  }
});

test('a plural label has the one and other forms in every language', () => {
  for (const lang of languages) {
    for (const [key, value] of Object.entries(dictionaries[lang])) {
      if (typeof value === 'object') {
        assert.ok('one' in value && 'other' in value, `${lang} ${key}`);
      }
    }
  }
});

test('the plural form follows n, and French counts 0 as one', () => {
  inLanguage('en', () => {
    assert.equal(t('count.emails', { n: 1 }), '1 email');
    assert.equal(t('count.emails', { n: 0 }), '0 emails');
  });
  inLanguage('fr', () => assert.equal(t('count.emails', { n: 0 }), '0 courriel'));
});

test('a missing key shows itself and an unknown placeholder stays as it is', () => {
  assert.equal(t('no.such.key'), 'no.such.key');
  assert.equal(has('no.such.key'), false);
  inLanguage('en', () => assert.equal(t('errors.generic', {}), 'Something went wrong (HTTP {status}).'));
});

test('a list is joined with commas and the language\'s "and"', () => {
  inLanguage('en', () => {
    assert.equal(joinAnd(['a', 'b', 'c']), 'a, b and c');
    assert.equal(joinAnd(['a']), 'a');
    assert.equal(joinAnd([]), '');
  });
  inLanguage('fr', () => assert.equal(joinAnd(['a', 'b']), 'a et b'));
});

test('the counts text leaves out a channel with none', () => {
  inLanguage('en', () => {
    assert.equal(countsText(2, 3), '2 emails and 3 SMS');
    assert.equal(countsText(0, 1), '1 SMS');
    assert.equal(countsText(0, 0), '');
  });
});

test('the resend success text is composed from the counts', () => {
  inLanguage('en', () => {
    assert.equal(resendingMessage(1, 2), 'Resending 1 email and 2 SMS.');
    assert.equal(resendingMessage(0, 0), 'Resend requested.');
  });
  inLanguage('fr', () => assert.equal(resendingMessage(2, 0), 'Renvoi en cours : 2 courriels.'));
});

test('the success message says how many go by the other channel', () => {
  inLanguage('en', () => {
    assert.equal(resendingMessage(2, 3, 3), 'Resending 2 emails and 3 SMS. 3 of them go by the recipients’ other channel.');
    assert.equal(resendingMessage(0, 1, 1), 'Resending 1 SMS. 1 of them goes by the recipient’s other channel.');
    assert.equal(resendingMessage(4, 0, 0), resendingMessage(4, 0));
  });
  inLanguage('fr', () => assert.equal(resendingMessage(0, 2, 2),
    'Renvoi en cours : 2 SMS. 2 d’entre eux passent par l’autre canal des destinataires.'));
});

test('a language that is not offered is ignored', () => {
  const before = language();
  setLanguage('de');
  assert.equal(language(), before);
});
