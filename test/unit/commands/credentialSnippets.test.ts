import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  base64, bootstrapServers, clientPropertiesSnippet, commentText, credentialSnippet, dotEnvSnippet, dotEnvValue, jaasQuote,
  kubernetesName, kubernetesSecretSnippet, propertiesValue,
} from '../../../src/secretPanel/credentialSnippets';
import { HOSTILE_NAMES } from '../../../sandbox/fixtures';

const KEY = 'ABCDEFGH12345678';
const SECRET = 'cflt+s3cr3t/value==';
const ENDPOINT = 'SASL_SSL://pkc-abc12.us-east-1.aws.confluent.cloud:9092';

/** Reads a .env value back the way dotenv-style parsers and shells do for double quotes. */
function parseDotEnvValue(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  assert.ok(raw.endsWith('"') && raw.length >= 2, `unterminated value ${raw}`);
  return raw.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', r: '\r' } as Record<string, string>)[c] ?? c);
}

/** Java Properties.load unescaping of a single logical line's value. */
function parsePropertiesValue(raw: string): string {
  return raw.replace(/\\u([0-9a-f]{4})|\\(.)/gi, (_m, hex: string | undefined, c: string | undefined) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return ({ n: '\n', r: '\r', t: '\t', f: '\f' } as Record<string, string>)[c!] ?? c!;
  });
}

/** Kafka's JAAS tokenizer for a single-quoted value. */
function parseJaasQuoted(raw: string): string {
  assert.ok(raw.startsWith("'") && raw.endsWith("'"));
  return raw.slice(1, -1).replace(/\\(.)/g, '$1');
}

void describe('bootstrapServers', () => {
  void it('drops the SASL_SSL:// scheme', () => {
    assert.equal(bootstrapServers(ENDPOINT), 'pkc-abc12.us-east-1.aws.confluent.cloud:9092');
  });
  void it('handles lists, other schemes and blanks', () => {
    assert.equal(bootstrapServers(' SASL_SSL://a:9092, sasl_ssl://b:9092 ,PLAINTEXT://c:1,,'), 'a:9092,b:9092,c:1');
    assert.equal(bootstrapServers('host:9092'), 'host:9092');
  });
});

void describe('.env snippet', () => {
  void it('has the key, secret and bootstrap servers for cluster keys', () => {
    const text = dotEnvSnippet({ apiKey: KEY, apiSecret: SECRET, displayName: 'orders', bootstrapEndpoint: ENDPOINT });
    const lines = text.split('\n');
    assert.ok(lines.includes(`CONFLUENT_API_KEY=${KEY}`));
    assert.ok(lines.includes(`CONFLUENT_API_SECRET=${SECRET}`));
    assert.ok(lines.includes('BOOTSTRAP_SERVERS=pkc-abc12.us-east-1.aws.confluent.cloud:9092'));
    assert.ok(text.endsWith('\n'));
  });
  void it('leaves BOOTSTRAP_SERVERS out for Cloud API keys', () => {
    assert.doesNotMatch(dotEnvSnippet({ apiKey: KEY, apiSecret: SECRET }), /BOOTSTRAP_SERVERS/);
  });
  void it('quotes and escapes values with quotes, newlines, $ and backslashes', () => {
    for (const value of ['a"b', 'line1\nline2', '$HOME', 'back\\slash', 'sp ace', "it's", '`cmd`', 'x\r\ny']) {
      const raw = dotEnvValue(value);
      assert.doesNotMatch(raw, /\n|\r/, 'one physical line');
      assert.equal(parseDotEnvValue(raw), value, `round trip of ${JSON.stringify(value)}`);
      assert.doesNotMatch(raw.slice(1, -1), /(^|[^\\])"/, 'no unescaped quote inside');
    }
  });
  void it('keeps hostile display names inside one comment line', () => {
    for (const name of [...HOSTILE_NAMES, 'evil\nCONFLUENT_API_SECRET=stolen', 'x\u2028y']) {
      const text = dotEnvSnippet({ apiKey: KEY, apiSecret: SECRET, displayName: name });
      const assignments = text.split('\n').filter((l) => l && !l.startsWith('#'));
      assert.deepEqual(assignments.map((l) => l.split('=')[0]), ['CONFLUENT_API_KEY', 'CONFLUENT_API_SECRET'], name);
    }
  });
});

void describe('client.properties snippet', () => {
  const text = clientPropertiesSnippet({ apiKey: KEY, apiSecret: SECRET, bootstrapEndpoint: ENDPOINT });
  const props = new Map(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

  void it('sets SASL_SSL with PLAIN and bootstrap servers without the scheme', () => {
    assert.equal(props.get('bootstrap.servers'), 'pkc-abc12.us-east-1.aws.confluent.cloud:9092');
    assert.equal(props.get('security.protocol'), 'SASL_SSL');
    assert.equal(props.get('sasl.mechanisms'), 'PLAIN');
  });
  void it('writes the JAAS line with the key and secret in single quotes', () => {
    assert.equal(props.get('sasl.jaas.config'),
      `org.apache.kafka.common.security.plain.PlainLoginModule required username='${KEY}' password='${SECRET}';`);
  });
  void it('escapes quotes and backslashes for JAAS, then for the properties file', () => {
    for (const secret of ["it's", 'a\\b', "'; evil=1 '", 'multi\nline', 'ünï']) {
      const snippet = clientPropertiesSnippet({ apiKey: KEY, apiSecret: secret, bootstrapEndpoint: ENDPOINT });
      const line = snippet.split('\n').find((l) => l.startsWith('sasl.jaas.config='))!;
      assert.ok(line, 'one physical line');
      assert.match(line, /^[\x20-\x7e]+$/, 'printable ASCII only (ISO-8859-1 safe)');
      const jaas = parsePropertiesValue(line.slice('sasl.jaas.config='.length));
      const password = /password=('(?:\\.|[^'\\])*')/.exec(jaas)?.[1];
      assert.ok(password, `password token in ${jaas}`);
      assert.equal(parseJaasQuoted(password), secret);
      assert.ok(jaas.endsWith(';'));
    }
  });
  void it('jaasQuote and propertiesValue on their own', () => {
    assert.equal(jaasQuote("a'b\\c"), "'a\\'b\\\\c'");
    assert.equal(propertiesValue(' lead\ttab\\'), '\\ lead\\ttab\\\\');
    assert.equal(propertiesValue('é'), '\\u00e9');
  });
  void it('is offered for cluster keys through credentialSnippet', () => {
    assert.equal(credentialSnippet('properties', { apiKey: KEY, apiSecret: SECRET, bootstrapEndpoint: ENDPOINT }).language, 'properties');
    assert.equal(credentialSnippet('dotenv', { apiKey: KEY, apiSecret: SECRET }).language, 'dotenv');
    assert.equal(credentialSnippet('kubernetes', { apiKey: KEY, apiSecret: SECRET }).language, 'yaml');
  });
});

void describe('Kubernetes Secret snippet', () => {
  void it('holds base64 values under data', () => {
    const text = kubernetesSecretSnippet({ apiKey: KEY, apiSecret: SECRET, displayName: 'Orders Producer', bootstrapEndpoint: ENDPOINT });
    assert.match(text, /^kind: Secret$/m);
    assert.match(text, /^type: Opaque$/m);
    assert.match(text, new RegExp(`^  CONFLUENT_API_KEY: ${base64(KEY)}$`, 'm'));
    assert.match(text, new RegExp(`^  CONFLUENT_API_SECRET: ${base64(SECRET).replace(/[+/=]/g, '\\$&')}$`, 'm'));
    assert.equal(Buffer.from(/BOOTSTRAP_SERVERS: (\S+)/.exec(text)![1]!, 'base64').toString(), 'pkc-abc12.us-east-1.aws.confluent.cloud:9092');
    assert.match(text, /^ {2}name: orders-producer$/m);
    assert.ok(!text.includes(SECRET), 'the secret only appears encoded');
  });
  void it('base64 encodes UTF-8', () => {
    assert.equal(Buffer.from(base64('ü€'), 'base64').toString('utf8'), 'ü€');
  });
  void it('derives a valid object name from anything', () => {
    const valid = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
    for (const name of [...HOSTILE_NAMES, '', '---', '   ', 'UPPER case_name.v2']) {
      const result = kubernetesName(name, KEY);
      assert.match(result, valid, `${JSON.stringify(name)} → ${result}`);
    }
    assert.equal(kubernetesName('UPPER case_name.v2', KEY), 'upper-case-name-v2');
    assert.equal(kubernetesName('支付服务', KEY), 'confluent-api-key-abcdefgh12345678');
    assert.equal(kubernetesName(undefined, KEY), 'confluent-api-key-abcdefgh12345678');
  });
  void it('keeps hostile names inside a quoted annotation and comments', () => {
    for (const name of [...HOSTILE_NAMES, 'x\nkind: Pod', 'a"b\\c']) {
      const text = kubernetesSecretSnippet({ apiKey: KEY, apiSecret: SECRET, displayName: name });
      const topLevel = text.split('\n').filter((l) => /^[a-z]/i.test(l)).map((l) => l.split(':')[0]);
      assert.deepEqual(topLevel, ['apiVersion', 'kind', 'metadata', 'type', 'data'], name);
      const annotation = /confluent\.cloud\/api-key-name: (.*)$/m.exec(text)?.[1];
      assert.equal(JSON.parse(annotation!), name);
    }
  });
});

void describe('commentText', () => {
  void it('removes line breaks and bidi overrides', () => {
    assert.equal(commentText('a\nb\u202Ec\u2028d'), 'a b c d');
  });
});
