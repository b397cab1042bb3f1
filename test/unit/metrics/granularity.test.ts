import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  autoGranularity, effectiveGranularity, GRANULARITIES, granularityChoices, isAllowed, MAX_AUTO_POINTS,
} from '../../../src/metrics/granularity';

const H = 3600;
const D = 24 * H;

void describe('granularity caps', () => {
  void it('follows the Metrics API limits: PT1M ≤ 6h, PT5M ≤ 1d, PT15M ≤ 4d, PT30M ≤ 7d', () => {
    assert.equal(isAllowed('PT1M', 6 * H), true);
    assert.equal(isAllowed('PT1M', 6 * H + 1), false);
    assert.equal(isAllowed('PT5M', D), true);
    assert.equal(isAllowed('PT5M', D + 60), false);
    assert.equal(isAllowed('PT15M', 4 * D), true);
    assert.equal(isAllowed('PT15M', 4 * D + 60), false);
    assert.equal(isAllowed('PT30M', 7 * D), true);
    assert.equal(isAllowed('PT30M', 7 * D + 60), false);
  });

  void it('lets PT1H and coarser query any length', () => {
    for (const g of ['PT1H', 'PT4H', 'PT6H', 'PT12H', 'P1D'] as const) assert.equal(isAllowed(g, 365 * D), true, g);
  });
});

void describe('autoGranularity', () => {
  void it('picks the finest allowed granularity for the presets', () => {
    assert.equal(autoGranularity(H), 'PT1M');
    assert.equal(autoGranularity(6 * H), 'PT1M');
    assert.equal(autoGranularity(24 * H), 'PT5M');
    assert.equal(autoGranularity(7 * D), 'PT30M');
  });

  void it('goes coarser beyond the caps and the point budget', () => {
    assert.equal(autoGranularity(6 * H + 60), 'PT5M');
    assert.equal(autoGranularity(2 * D), 'PT15M');
    assert.equal(autoGranularity(8 * D), 'PT1H');
    assert.equal(autoGranularity(30 * D), 'PT4H');
    assert.equal(autoGranularity(400 * D), 'P1D');
  });

  void it('never returns a granularity the API would reject or more than the point budget', () => {
    for (let seconds = 120; seconds <= 60 * D; seconds = Math.ceil(seconds * 1.37)) {
      const g = autoGranularity(seconds);
      assert.ok(isAllowed(g, seconds), `${g} for ${seconds}s`);
      const coarsest = GRANULARITIES[GRANULARITIES.length - 1];
      if (g !== coarsest) assert.ok(seconds / { PT1M: 60, PT5M: 300, PT15M: 900, PT30M: 1800, PT1H: 3600, PT4H: 14400, PT6H: 21600, PT12H: 43200, P1D: 86400 }[g] <= MAX_AUTO_POINTS);
    }
  });
});

void describe('granularityChoices', () => {
  void it('disables what the API would reject and what gives fewer than two buckets', () => {
    const week = Object.fromEntries(granularityChoices(7 * D).map((c) => [c.value, c.allowed]));
    assert.deepEqual(week, { PT1M: false, PT5M: false, PT15M: false, PT30M: true, PT1H: true, PT4H: true, PT6H: true, PT12H: true, P1D: true });
    const hour = Object.fromEntries(granularityChoices(H).map((c) => [c.value, c.allowed]));
    assert.equal(hour.PT1M, true);
    assert.equal(hour.PT30M, true);
    assert.equal(hour.PT1H, false, 'one bucket is not a chart');
  });
});

void describe('effectiveGranularity', () => {
  void it('keeps a valid manual choice', () => {
    assert.equal(effectiveGranularity('PT1H', 24 * H), 'PT1H');
  });

  void it('falls back to automatic when a range change made the choice invalid', () => {
    assert.equal(effectiveGranularity('PT1M', 7 * D), 'PT30M');
    assert.equal(effectiveGranularity('P1D', H), 'PT1M');
  });
});
