/**
 * Text snippets that carry a new API key and secret into an editor: `.env` lines, a Kafka
 * `client.properties` file and a Kubernetes Secret manifest. Pure (no vscode) so the escaping is
 * unit tested with hostile names and values: a display name is user input and must never break
 * out of a comment, a quoted value or a YAML field.
 */

/** What a snippet is built from. The secret only passes through; nothing here keeps it. */
export interface CredentialInput {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The key's display name, used in comments and to derive the Kubernetes name. */
  readonly displayName?: string | undefined;
  /** `spec.kafka_bootstrap_endpoint` of the cluster for cluster keys, e.g. `SASL_SSL://pkc-….confluent.cloud:9092`. */
  readonly bootstrapEndpoint?: string | undefined;
  /** Cluster or "Cloud API key", for the comment line. */
  readonly resourceLabel?: string | undefined;
  /** A key of the demo organization inside VS Code; the snippet says it is no Confluent Cloud key. */
  readonly demo?: boolean | undefined;
}

/** The formats "Insert into Editor as…" offers. */
export type SnippetFormat = 'dotenv' | 'properties' | 'kubernetes';

/** A snippet and the editor language to open it in when there is no editor to insert into. */
export interface Snippet {
  readonly text: string;
  /** VS Code language ID; `dotenv` falls back to `properties` when no extension provides it. */
  readonly language: string;
}

/** Builds a snippet in one of the formats. */
export function credentialSnippet(format: SnippetFormat, input: CredentialInput): Snippet {
  switch (format) {
    case 'dotenv': return { text: dotEnvSnippet(input), language: 'dotenv' };
    case 'properties': return { text: clientPropertiesSnippet(input), language: 'properties' };
    case 'kubernetes': return { text: kubernetesSecretSnippet(input), language: 'yaml' };
  }
}

/**
 * `host:port` list for `bootstrap.servers`: the API gives `SASL_SSL://host:9092`, while Kafka
 * clients want no scheme. Handles comma-separated lists and stray whitespace.
 */
export function bootstrapServers(endpoint: string): string {
  return endpoint.split(',').map((part) => part.trim().replace(/^[a-z][a-z0-9+._-]*:\/\//i, '')).filter(Boolean).join(',');
}

/** A comment line's text: one line, no control or bidi characters that could hide content. */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control, line-separator and bidi characters are what is removed
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
}

function header(input: CredentialInput, prefix: string): string[] {
  const name = input.displayName ? commentText(input.displayName) : '';
  const lines = [`${prefix} Confluent Cloud API key ${commentText(input.apiKey)}${name ? ` (${name})` : ''}`];
  if (input.resourceLabel) lines.push(`${prefix} Resource: ${commentText(input.resourceLabel)}`);
  if (input.demo) lines.push(`${prefix} DEMO KEY: works only with the demo organization inside VS Code, not with Confluent Cloud.`);
  lines.push(`${prefix} Keep this secret out of version control.`);
  return lines;
}

/**
 * A `.env` value: bare when it only holds safe characters, otherwise double-quoted with `\`,
 * `"`, `$` and line breaks escaped (the dotenv and shell-compatible reading).
 */
export function dotEnvValue(value: string): string {
  if (/^[A-Za-z0-9_./:+,@%=-]*$/.test(value)) return value;
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\$/g, '\\$')
    .replace(/`/g, '\\`')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
  return `"${escaped}"`;
}

/** `.env` lines: `CONFLUENT_API_KEY`, `CONFLUENT_API_SECRET` and, for cluster keys, `BOOTSTRAP_SERVERS`. */
export function dotEnvSnippet(input: CredentialInput): string {
  const lines = [
    ...header(input, '#'),
    `CONFLUENT_API_KEY=${dotEnvValue(input.apiKey)}`,
    `CONFLUENT_API_SECRET=${dotEnvValue(input.apiSecret)}`,
  ];
  if (input.bootstrapEndpoint) lines.push(`BOOTSTRAP_SERVERS=${dotEnvValue(bootstrapServers(input.bootstrapEndpoint))}`);
  return `${lines.join('\n')}\n`;
}

/** A JAAS option value in single quotes, with `\` and `'` escaped as the JAAS parser reads them. */
export function jaasQuote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Escapes a value for a Java `.properties` file, which Kafka clients read with
 * `Properties.load` (ISO-8859-1): backslashes doubled, line breaks and tabs escaped, a leading
 * space kept, and anything outside printable ASCII written as `\uXXXX`.
 */
export function propertiesValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const code = value.charCodeAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\f') out += '\\f';
    else if (ch === ' ' && i === 0) out += '\\ ';
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** A `client.properties` for SASL/PLAIN over TLS, the setup Confluent Cloud clusters use. */
export function clientPropertiesSnippet(input: CredentialInput): string {
  const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username=${jaasQuote(input.apiKey)} password=${jaasQuote(input.apiSecret)};`;
  const lines = [...header(input, '#')];
  if (input.bootstrapEndpoint) lines.push(`bootstrap.servers=${propertiesValue(bootstrapServers(input.bootstrapEndpoint))}`);
  lines.push(
    'security.protocol=SASL_SSL',
    'sasl.mechanisms=PLAIN',
    'sasl.mechanism=PLAIN',
    `sasl.jaas.config=${propertiesValue(jaas)}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * A Kubernetes object name (RFC 1123 label: lower-case alphanumerics and `-`, at most 63, starting
 * and ending alphanumeric) from the key's display name, else from its ID.
 */
export function kubernetesName(displayName: string | undefined, apiKey: string): string {
  const clean = (text: string): string => text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  const fromName = displayName ? clean(displayName) : '';
  if (fromName) return fromName;
  const fromKey = clean(`confluent-api-key-${apiKey}`);
  return fromKey || 'confluent-api-key';
}

/** Base64 of the UTF-8 bytes, as Kubernetes expects in a Secret's `data`. */
export function base64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

/** A YAML double-quoted scalar (JSON strings are valid YAML), so no name can break the structure. */
function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** A Kubernetes Secret manifest with the credentials base64-encoded under `data`. */
export function kubernetesSecretSnippet(input: CredentialInput): string {
  const lines = [
    ...header(input, '#'),
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${kubernetesName(input.displayName, input.apiKey)}`,
    '  labels:',
    '    app.kubernetes.io/managed-by: confluent-cloud-explorer',
  ];
  if (input.displayName) {
    lines.push('  annotations:', `    confluent.cloud/api-key-name: ${yamlString(input.displayName)}`);
  }
  lines.push(
    'type: Opaque',
    'data:',
    `  CONFLUENT_API_KEY: ${base64(input.apiKey)}`,
    `  CONFLUENT_API_SECRET: ${base64(input.apiSecret)}`,
  );
  if (input.bootstrapEndpoint) lines.push(`  BOOTSTRAP_SERVERS: ${base64(bootstrapServers(input.bootstrapEndpoint))}`);
  return `${lines.join('\n')}\n`;
}
