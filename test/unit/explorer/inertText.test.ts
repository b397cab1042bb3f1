import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { cap, escapeMarkdown, inertDetail, inertMessage, pickText, plainLine, quoted, revealHidden } from '../../../src/ui/inertText';

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

void describe('inert text helpers', () => {
  void it('shows every bidi control and invisible format character as its code point', () => {
    for (const ch of [...BIDI, '\u200b', '\u2060', '\ufeff', '\u00ad']) {
      const out = revealHidden(`a${ch}b`);
      assert.equal(out, `a[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]b`);
    }
    assert.equal(plainLine('sa-1\u202egpj.exe'), 'sa-1[U+202E]gpj.exe');
  });

  void it('keeps emoji sequences joined by U+200D intact', () => {
    assert.equal(plainLine('team 👩‍💻'), 'team 👩‍💻');
  });

  void it('puts control characters and line breaks on one line', () => {
    assert.equal(plainLine('a\nb\r\n\tc\u0000d\u2028e'), 'a b c d e');
  });

  void it('caps by characters, never splitting an emoji', () => {
    assert.equal(cap('abcdef', 4), 'abc…');
    assert.equal(cap('😀😀😀😀😀', 3), '😀😀…');
    assert.equal([...plainLine('x'.repeat(10_000))].length, 80);
    assert.equal(plainLine('x'.repeat(10_000)).endsWith('…'), true);
  });

  void it('breaks command links and icons in notification text and caps it at 300', () => {
    const out = inertMessage(`Couldn't delete: [Delete everything](command:confluentCloud.deleteServiceAccount?x) $(alert) ${'d'.repeat(10_000)}`);
    assert.doesNotMatch(out, /\]\s*\(/, 'no link syntax survives');
    assert.doesNotMatch(out, /\$\(/, 'no icon syntax survives');
    assert.ok([...out].length <= 300);
    assert.ok(out.endsWith('…'));
  });

  void it('breaks links with whitespace between the brackets and parentheses too', () => {
    assert.doesNotMatch(inertMessage('[x] (command:y)'), /\]\s*\(/);
  });

  void it('keeps line breaks in dialog details but makes each line inert', () => {
    const out = inertDetail('one [a](command:b)\ntwo $(zap)\u202e');
    assert.equal(out.split('\n').length, 2);
    assert.doesNotMatch(out, /\]\(|\$\(|\u202e/);
  });

  void it('escapes icons in QuickPick text and caps it', () => {
    assert.equal(pickText('$(zap) sa-1'), '\\$(zap) sa-1');
    assert.equal(pickText(undefined), undefined);
    assert.equal([...pickText('y'.repeat(500))].length, 80);
  });

  void it('quotes a name inertly', () => {
    assert.equal(quoted('pay\nments'), "'pay ments'");
    assert.doesNotMatch(quoted('[x](command:y)'), /\]\(/);
  });

  void it('escapes Markdown and caps a huge value', () => {
    assert.equal(escapeMarkdown('[x](command:y)'), '\\[x\\]\\(command\\:y\\)');
    assert.ok(escapeMarkdown('z'.repeat(100_000)).length <= 500);
    assert.equal(escapeMarkdown('a\u202eb'), 'a\\[U\\+202E\\]b');
  });
});

void describe('one set of inert-text helpers for commands', () => {
  void it('quotes a name on one line, capped, with bidi characters shown', () => {
    assert.equal(quoted('a\nb'), "'a b'");
    assert.equal(quoted('\u202Eevil'), "'[U+202E]evil'");
    assert.equal([...quoted('x'.repeat(300))].length, 82);
  });

  void it('disarms notification links and status bar icons without changing what is seen', () => {
    const text = inertMessage('[click](command:workbench.action.quit) $(alert)');
    assert.doesNotMatch(text, /\]\(|\$\(/);
    assert.equal(text.replace(/\u200b/g, ''), '[click](command:workbench.action.quit) $(alert)');
  });

  void it('escapes icons in QuickPick rows and keeps them on one line', () => {
    assert.equal(pickText('$(alert) ${env:HOME}\nnext'), '\\$(alert) ${env:HOME} next');
  });
});
