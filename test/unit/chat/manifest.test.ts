import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CHAT_TOOLS } from '../../../src/chat/toolList';

interface Tool { name: string; when?: string; inputSchema: { properties: Record<string, unknown>; required?: string[] } }
const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  engines: { vscode: string }; devDependencies: Record<string, string>; contributes: { languageModelTools: Tool[] };
};

void describe('chat tool manifest', () => {
  void it('declares exactly the tools the code registers, each gated on a connected organization', () => {
    const declared = pkg.contributes.languageModelTools;
    assert.deepEqual(declared.map((t) => t.name), CHAT_TOOLS.map((t) => t.name));
    for (const tool of declared) assert.equal(tool.when, 'confluentCloud.organizationConnected', tool.name);
  });

  void it('lets every tool name its organization and pins the API version that has the stable tool API', () => {
    for (const tool of pkg.contributes.languageModelTools) assert.ok('organization' in tool.inputSchema.properties, tool.name);
    assert.equal(pkg.engines.vscode, '^1.95.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '1.95.0');
  });
});
