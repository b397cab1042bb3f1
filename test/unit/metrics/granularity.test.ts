import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveGranularity, granularityChoices, granularityProblem } from '../../../src/metrics/granularity';

const HOUR = 3600;

void describe('granularity problems', () => {
  void it('calls a granularity over the API cap too fine and one with under two buckets too coarse', () => {
    assert.equal(granularityProblem('PT1M', 7 * 24 * HOUR), 'tooFine');
    assert.equal(granularityProblem('PT12H', 6 * HOUR), 'tooCoarse');
    assert.equal(granularityProblem('PT4H', 6 * HOUR), 'tooCoarse', '1.5 buckets');
    assert.equal(granularityProblem('PT1M', 6 * HOUR), undefined, 'the 6-hour cap is inclusive');
    assert.equal(granularityProblem('PT1H', 2 * HOUR), undefined, 'exactly two buckets');
  });

  void it('reports the reason with every disabled choice and none with the allowed ones', () => {
    for (const choice of granularityChoices(24 * HOUR)) {
      assert.equal(choice.allowed, choice.problem === undefined, choice.value);
    }
    const byValue = new Map(granularityChoices(24 * HOUR).map((c) => [c.value, c.problem]));
    assert.equal(byValue.get('PT1M'), 'tooFine');
    assert.equal(byValue.get('P1D'), 'tooCoarse');
    assert.equal(byValue.get('PT1H'), undefined);
  });

  void it('falls back to the automatic choice for a coarse or fine manual choice', () => {
    assert.equal(effectiveGranularity('P1D', 6 * HOUR), 'PT1M');
    assert.equal(effectiveGranularity('PT1M', 7 * 24 * HOUR), 'PT30M');
    assert.equal(effectiveGranularity('PT1H', 24 * HOUR), 'PT1H');
  });
});
