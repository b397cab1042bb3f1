import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { tooltipMarkdown } from '../../../src/explorer/markdown';
import { escapeMarkdown } from '../../../src/ui/inertText';

void describe('escapeMarkdown', () => {
  void it('leaves letters, digits and spaces alone', () => {
    assert.equal(escapeMarkdown('payments service 42'), 'payments service 42');
  });

  void it('escapes link syntax so a command link cannot form', () => {
    const out = escapeMarkdown('[click](command:workbench.action.quit)');
    assert.equal(out, '\\[click\\]\\(command\\:workbench\\.action\\.quit\\)');
    assert.ok(!/(^|[^\\])\[/.test(out), 'no unescaped [');
    assert.ok(!/(^|[^\\])\(/.test(out), 'no unescaped (');
  });

  void it('escapes HTML and entities', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    assert.equal(escapeMarkdown('&#91;x&#93;'), '\\&\\#91\\;x\\&\\#93\\;');
  });

  void it('escapes code spans, emphasis, headings, tables and codicons', () => {
    assert.equal(escapeMarkdown('`a` *b* _c_ # d | e $(zap) ~f~'), '\\`a\\` \\*b\\* \\_c\\_ \\# d \\| e \\$\\(zap\\) \\~f\\~');
  });

  void it('breaks autolinks', () => {
    assert.equal(escapeMarkdown('https://evil.example'), 'https\\:\\/\\/evil\\.example');
    assert.equal(escapeMarkdown('www.evil.example'), 'www\\.evil\\.example');
  });

  void it('escapes backslashes themselves', () => {
    assert.equal(escapeMarkdown('a\\[b'), 'a\\\\\\[b');
  });

  void it('turns line breaks into spaces so no new block can start', () => {
    assert.equal(escapeMarkdown('a\n# b\r\nc'), 'a \\# b c');
  });

  void it('every ASCII punctuation character comes out escaped', () => {
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    const out = escapeMarkdown(punctuation);
    assert.equal(out, [...punctuation].map((c) => `\\${c}`).join(''));
  });
});

void describe('tooltipMarkdown', () => {
  void it('escapes the title and values and skips empty fields', () => {
    const md = tooltipMarkdown('<b>x</b>', [['ID', 'sa-1'], ['Description', undefined], ['Email', 'a_b@c.d']]);
    assert.equal(md, '**\\<b\\>x\\<\\/b\\>**  \n**ID:** sa\\-1  \n**Email:** a\\_b\\@c\\.d');
  });
});
