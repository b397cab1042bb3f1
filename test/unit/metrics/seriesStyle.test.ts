import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { seriesStyle, THIN_LINES_ABOVE, type ChartTheme } from '../../../media/metrics/theme';

const theme = (highContrast: boolean): ChartTheme => ({
  foreground: '#ccc', grid: '#444', background: '#1e1e1e', focus: '#007fd4',
  palette: ['#1', '#2', '#3', '#4', '#5', '#6'], highContrast, font: '13px sans-serif',
});

void describe('seriesStyle', () => {
  void it('draws 1.5 px lines up to the threshold and 1 px lines on denser charts', () => {
    assert.equal(seriesStyle(0, theme(false), 'topic-a', 10).width, 1.5);
    assert.equal(seriesStyle(0, theme(false), 'topic-a', THIN_LINES_ABOVE).width, 1.5);
    assert.equal(seriesStyle(0, theme(false), 'topic-a', THIN_LINES_ABOVE + 1).width, 1);
    assert.equal(seriesStyle(99, theme(false), 'topic-z', 100).width, 1);
  });

  void it('keeps 2 px lines in high contrast however many series there are', () => {
    assert.equal(seriesStyle(0, theme(true), 'topic-a', 100).width, 2);
    assert.equal(seriesStyle(0, theme(true), 'topic-a', 5).width, 2);
  });

  void it('keeps colour and dash patterns, and the dotted "Other" line, on dense charts', () => {
    const dense = seriesStyle(7, theme(false), 'topic-h', 100);
    assert.equal(dense.stroke, '#2');
    assert.deepEqual(dense.dash, [6, 3]);
    assert.deepEqual(seriesStyle(99, theme(false), 'Other (50 more)', 100), { stroke: '#ccc', dash: [1, 3], width: 1.5 });
  });
});
