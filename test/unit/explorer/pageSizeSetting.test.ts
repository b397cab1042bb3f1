import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { clampPageSize, MAX_PAGE_SIZE, MIN_PAGE_SIZE } from '../../../src/cloud/pagination';
import { LOAD_ALL_LIMIT, loadAllLimitSetting, PAGE_SIZE, pageSizeSetting } from '../../../src/explorer/settingBounds';

interface SettingSchema { default?: unknown; minimum?: unknown; maximum?: unknown }

function settingSchema(key: string): SettingSchema {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[] };
  };
  const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
  const schema = sections.map((s) => s.properties[key]).find((p) => p !== undefined);
  assert.ok(schema, `${key} is contributed`);
  return schema;
}

void describe('page size setting', () => {
  void it('has the bounds of the request clamp', () => {
    assert.equal(PAGE_SIZE.min, MIN_PAGE_SIZE);
    assert.equal(PAGE_SIZE.max, MAX_PAGE_SIZE);
    assert.equal(clampPageSize(PAGE_SIZE.default), PAGE_SIZE.default, 'the default is a size a request sends as it is');
  });

  void it('agrees with the request clamp on every number, and defaults where a request would leave it to the server', () => {
    const values = [-Infinity, -5, 0, 0.5, 1, 1.9, 7.9, 50, 99.99, 100, 101, 500, 1e12, Infinity, NaN];
    for (const value of values) {
      const request = clampPageSize(value);
      assert.equal(pageSizeSetting(value), request ?? PAGE_SIZE.default, `setting ${value}`);
    }
    // What the setting yields is always a size the request clamp leaves alone.
    for (const value of [...values, undefined, null, '20', {}, true]) {
      const size = pageSizeSetting(value);
      assert.equal(clampPageSize(size), size, `setting ${JSON.stringify(value) ?? 'undefined'} → ${size}`);
    }
    assert.equal(pageSizeSetting('20'), PAGE_SIZE.default);
    assert.equal(pageSizeSetting(500), 100);
    assert.equal(pageSizeSetting(0), 1);
    assert.equal(pageSizeSetting(7.9), 7);
  });

  void it('matches what the manifest declares', () => {
    const schema = settingSchema('confluentCloud.pageSize');
    assert.equal(schema.default, PAGE_SIZE.default);
    assert.equal(schema.minimum, PAGE_SIZE.min);
    assert.equal(schema.maximum, PAGE_SIZE.max);
    const limit = settingSchema('confluentCloud.loadAllLimit');
    assert.equal(limit.default, LOAD_ALL_LIMIT.default);
    assert.equal(limit.minimum, LOAD_ALL_LIMIT.min);
  });

  void it('reads the load-all limit with a floor and a default for junk', () => {
    assert.equal(loadAllLimitSetting(undefined), LOAD_ALL_LIMIT.default);
    assert.equal(loadAllLimitSetting(NaN), LOAD_ALL_LIMIT.default);
    assert.equal(loadAllLimitSetting(0), 1);
    assert.equal(loadAllLimitSetting(250.7), 250);
  });
});
