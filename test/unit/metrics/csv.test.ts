import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from '../../../src/metrics/csv';

void describe('csvCell', () => {
  void it('leaves plain text alone', () => {
    assert.equal(csvCell('orders.v2'), 'orders.v2');
  });

  void it('quotes commas, quotes and line breaks, doubling quotes', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    assert.equal(csvCell(' padded '), '" padded "');
  });

  void it('neutralises text a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-cmd'), "'-cmd");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  });
});

void describe('toCsv', () => {
  void it('writes one row per bucket with ISO times, units in headers and empty cells for gaps', () => {
    const csv = toCsv([1_700_000_000, 1_700_000_060], [
      { label: 'orders', values: [1.5, null] },
      { label: 'a,"b"', values: [-2, 3] },
    ], 'bytes/s');
    assert.equal(csv, [
      'timestamp,orders (bytes/s),"a,""b"" (bytes/s)"',
      '2023-11-14T22:13:20.000Z,1.5,-2',
      '2023-11-14T22:14:20.000Z,,3',
      '',
    ].join('\r\n'));
  });

  void it('keeps hostile topic names inert and on one line each', () => {
    const csv = toCsv([0], [{ label: '<img src=x onerror=alert(1)>', values: [1] }, { label: '=cmd|\' /C calc\'!A0', values: [2] }], 'n');
    const header = csv.split('\r\n')[0]!;
    assert.equal(header, `timestamp,<img src=x onerror=alert(1)> (n),'=cmd|' /C calc'!A0 (n)`);
    assert.equal(csv.split('\r\n').length, 3);
  });
});
