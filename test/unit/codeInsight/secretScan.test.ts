import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findSecrets } from '../../../src/codeInsight/secretScan';

// Shapes from docs.confluent.io "Use API Keys to Authenticate to Confluent Cloud" (API key format):
// since July 2025 `cflt` + 60 characters of A-Za-z0-9+/; before that 64 such characters.
const CFLT = `cflt${'Ab3+/xYz9Q'.repeat(6)}`;
const LEGACY = 'Zq8/Lm2+Kd7Rt5Vw1Np3Xs6Hb4Jc9Fg0Ue8Yi2Oa7Mk5Wr1Tz3Qn6Pv4Ly9Bx0Cd';
const SANDBOX_STYLE = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hI5kL7nO9qR1tU3wX5zA7cD9fG1iJ3+';

void describe('plain-text secret detection', () => {
  void it('fixtures have the documented lengths', () => {
    assert.equal(CFLT.length, 64);
    assert.equal(LEGACY.length, 64);
    assert.equal(SANDBOX_STYLE.length, 64);
  });

  void it('flags a cflt secret anywhere, with the key written next to it', () => {
    const text = `sasl.jaas.config=...PlainLoginModule required username="PAYMENTSKEY00001" password="${CFLT}";`;
    const [finding, ...rest] = findSecrets(text);
    assert.deepEqual(rest, []);
    assert.equal(finding?.format, 'cflt');
    assert.equal(finding?.keyId, 'PAYMENTSKEY00001');
    assert.equal(text.slice(finding.start, finding.end), CFLT);
  });

  void it('flags a cflt secret with no key nearby, without a key ID', () => {
    const [finding] = findSecrets(`\n\n\nexport SECRET=${CFLT}\n`);
    assert.equal(finding?.format, 'cflt');
    assert.equal(finding?.keyId, undefined);
  });

  void it('flags an old-style 64-character secret only next to a 16-character key (within two lines)', () => {
    const env = `CONFLUENT_API_KEY=ABCD1234567890AB\nCONFLUENT_API_SECRET=${LEGACY}\n`;
    assert.deepEqual(findSecrets(env).map((f) => [f.format, f.keyId]), [['legacy', 'ABCD1234567890AB']]);
    const yaml = `key: ADALOVELACE00001\nnote: x\nsecret: "${SANDBOX_STYLE}"`;
    assert.deepEqual(findSecrets(yaml).map((f) => f.keyId), ['ADALOVELACE00001']);
    const far = `key: ADALOVELACE00001\n\n\n\nsecret: "${LEGACY}"`;
    assert.deepEqual(findSecrets(far), [], 'a key four lines away is not its key');
    assert.deepEqual(findSecrets(`secret: ${LEGACY}`), [], 'no key, no claim');
  });

  void it('does not flag hashes, base64 blobs of other lengths or longer tokens', () => {
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const texts = [
      `key=ABCD1234567890AB\ndigest=${sha256}`,
      `key=ABCD1234567890AB\nblob=${LEGACY}AAAA`,
      `key=ABCD1234567890AB\nblob=${LEGACY.slice(0, 63)}`,
      `key=ABCD1234567890AB\ncert=${LEGACY}==`,
      `cflt${'a'.repeat(59)}`,
      `xcflt${'Ab3+/xYz9Q'.repeat(6)}`,
    ];
    for (const text of texts) assert.deepEqual(findSecrets(text).map((f) => f.format), [], text);
  });

  void it('a finding holds offsets and the key ID, never the secret text', () => {
    const [finding] = findSecrets(`key=ABCD1234567890AB secret=${CFLT}`);
    assert.ok(finding);
    assert.ok(!JSON.stringify(finding).includes(CFLT.slice(4, 20)));
  });
});
