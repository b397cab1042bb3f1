import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import {
  charLength, MAX_FIELD_LENGTH, validateConfirmation, validateEmail, validateOptionalText, validateRequiredName,
} from '../../../src/commands/validation';
import { rotatedKeyName } from '../../../src/commands/apiKeyNames';

void describe('validateRequiredName', () => {
  void it('requires something other than whitespace', () => {
    assert.match(validateRequiredName('', 'service account name') ?? '', /Enter a service account name/);
    assert.ok(validateRequiredName('   '));
    assert.equal(validateRequiredName('payments'), undefined);
  });
  void it('allows exactly 255 characters, counting code points', () => {
    assert.equal(validateRequiredName('x'.repeat(255)), undefined);
    assert.equal(validateRequiredName('ü'.repeat(255)), undefined);
    assert.equal(validateRequiredName('🚀'.repeat(255)), undefined, 'an emoji is one character');
    assert.match(validateRequiredName('x'.repeat(256)) ?? '', /at most 255 characters \(now 256\)/);
    assert.equal(charLength('🚀a'), 2);
    assert.equal(MAX_FIELD_LENGTH, 255);
  });
});

void describe('validateOptionalText', () => {
  void it('accepts empty and caps at 255', () => {
    assert.equal(validateOptionalText(''), undefined);
    assert.equal(validateOptionalText('d'.repeat(255)), undefined);
    assert.match(validateOptionalText('d'.repeat(300), 'description') ?? '', /description can be at most 255/);
  });
});

void describe('validateEmail', () => {
  void it('accepts ordinary addresses (surrounding spaces are trimmed)', () => {
    for (const ok of ['ada@example.com', 'a.b+tag@sub.example.co.uk', ' grace@example.org ']) assert.equal(validateEmail(ok), undefined, ok);
  });
  void it('rejects what the API rejects', () => {
    for (const bad of ['', 'ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com', 'a@b@c.com']) {
      assert.ok(validateEmail(bad), bad);
    }
    assert.match(validateEmail('') ?? '', /Enter the email address/);
    assert.match(validateEmail('ada@example') ?? '', /not an email address/);
  });
  void it('caps at 255 characters', () => {
    assert.ok(validateEmail(`${'a'.repeat(250)}@example.com`));
  });
});

void describe('validateConfirmation', () => {
  void it('needs the exact name', () => {
    assert.equal(validateConfirmation('payments-service', 'payments-service'), undefined);
    assert.ok(validateConfirmation('Payments-service', 'payments-service'));
    assert.ok(validateConfirmation('payments-service ', 'payments-service'));
    assert.match(validateConfirmation('', 'payments') ?? '', /Type 'payments' to confirm/);
  });
});

void describe('rotatedKeyName', () => {
  const now = new Date('2024-05-01T10:00:00Z');
  void it('appends the date', () => {
    assert.equal(rotatedKeyName('payments', 'KEY1', now), 'payments (rotated 2024-05-01)');
  });
  void it('replaces an earlier rotation suffix instead of stacking', () => {
    assert.equal(rotatedKeyName('payments (rotated 2023-01-02)', 'KEY1', now), 'payments (rotated 2024-05-01)');
  });
  void it('names unnamed keys after their ID', () => {
    assert.equal(rotatedKeyName('', 'KEY1', now), 'KEY1 (rotated 2024-05-01)');
    assert.equal(rotatedKeyName(null, 'KEY1', now), 'KEY1 (rotated 2024-05-01)');
  });
  void it('stays within 255 characters', () => {
    const name = rotatedKeyName('n'.repeat(255), 'KEY1', now);
    assert.equal([...name].length, 255);
    assert.ok(name.endsWith('(rotated 2024-05-01)'));
  });
});

void describe('names inside validation messages', () => {
  void it('shows a hostile name quoted, on one line and without a live link', () => {
    const message = validateConfirmation('', 'pay[x](command:y)\nments\u202e');
    assert.equal(message, "Type 'pay[x]\u200b(command:y) ments[U+202E]' to confirm.");
    assert.match(validateEmail('[a](command:b)') ?? '', /^'\[a\]\u200b\(command:b\)' is not an email address/);
  });
});

void describe('validation wording', () => {
  void it('comes from the translation bundle when one is configured', () => {
    l10n.config({ contents: { 'Type {0} to confirm.': 'Tapez {0} pour confirmer.', "{0} is not an email address (expected name@example.com).": "{0} n'est pas une adresse." } });
    try {
      assert.equal(validateConfirmation('', 'payments'), "Tapez 'payments' pour confirmer.");
      assert.equal(validateEmail('ada'), "'ada' n'est pas une adresse.");
    } finally {
      l10n.config({ contents: {} });
    }
    assert.equal(validateConfirmation('', 'payments'), "Type 'payments' to confirm.");
  });
});
