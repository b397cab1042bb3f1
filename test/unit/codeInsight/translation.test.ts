// Code insight's texts follow the display language; IDs, API strings and code inside them do not.
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { crnStructureProblem } from '../../../src/codeInsight/crnParts';
import { envReplacement } from '../../../src/codeInsight/envReference';
import { hoverMarkdown, unresolvedHover } from '../../../src/codeInsight/hoverMarkdown';
import { ageBadge, ageText } from '../../../src/codeInsight/keyAge';
import { flagLabel } from '../../../src/codeInsight/keyReviewModel';
import type { LookupConnection } from '../../../src/codeInsight/resourceLookup';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const connection = { id: 'c1', label: '[Org](command:x)', client: {} } as unknown as LookupConnection;

void describe('code insight in another display language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  void it('translates hover labels and links while API strings stay escaped', () => {
    l10n.config({ contents: { 'Reveal in Explorer': 'Im Explorer zeigen', Organization: 'Organisation', 'service account': 'Dienstkonto' } });
    const md = hoverMarkdown('serviceAccount', 'sa-1x', {
      status: 'found',
      matches: [{ kind: 'serviceAccount', connection, resource: { id: 'sa-1x', display_name: 'pay', metadata: {} } }],
    } as never);
    assert.match(md, /^\*\*Dienstkonto\*\* sa\\-1x/);
    assert.match(md, /\[Im Explorer zeigen\]\(command:confluentCloud\.revealResource\?/);
    assert.match(md, /\*\*Organisation:\*\* \\\[Org\\\]\\\(command\\:x\\\)/);
  });

  void it('uses the plural message for kinds it cannot look up', () => {
    assert.match(unresolvedHover('identityPool', 'pool-abc12'), /This extension does not look up identity pools yet\.$/);
    l10n.config({ contents: { 'identity pools': 'Identitätspools', 'This extension does not look up {0} yet./{0} is a plural kind such as "identity pools"': 'Noch keine Suche nach {0}.' } });
    assert.match(unresolvedHover('identityPool', 'pool-abc12'), /Noch keine Suche nach Identitätspools\.$/);
  });

  void it('translates quick-fix titles around the code they name', () => {
    const text = 'secret: "S"';
    l10n.config({ contents: { 'Replace with an environment variable reference: {0}/{0} is code, e.g. process.env.CONFLUENT_API_SECRET': 'Durch Variablenverweis ersetzen: {0}' } });
    assert.equal(envReplacement('javascript', text, 9, 10)?.title, 'Durch Variablenverweis ersetzen: process.env.CONFLUENT_API_SECRET');
    assert.equal(envReplacement('properties', text, 9, 10)?.title, 'Durch Variablenverweis ersetzen: ${env:CONFLUENT_API_SECRET}');
  });

  void it('translates CRN problems, key ages and review flags', () => {
    l10n.config({
      contents: {
        "'{0}' cannot follow {1}/{0} and {1} are CRN segment names": '{0} darf nicht auf {1} folgen',
        '⚠ {0} d old/{0} is a number of days; "d" abbreviates days': '⚠ {0} T alt',
        '{0} days (older than the {1}-day rotation policy)/{0} is the key\'s age in days, {1} the rotation policy in days': '{0} Tage (über {1})',
        'older than {0} days': 'älter als {0} Tage',
      },
    });
    assert.equal(crnStructureProblem('crn://confluent.cloud/organization=o/user=u-1/environment=env-1'), 'environment darf nicht auf user folgen');
    assert.equal(ageBadge(new Date(NOW - 91 * DAY).toISOString(), 90, NOW), '⚠ 91 T alt');
    assert.equal(ageText(new Date(NOW - 100 * DAY).toISOString(), 90, NOW), '100 Tage (über 90)');
    assert.equal(flagLabel('overdue', 90), 'älter als 90 Tage');
  });

  void it('keeps one day and many days apart in English', () => {
    assert.equal(ageText(new Date(NOW - 1 * DAY).toISOString(), 90, NOW), '1 day (within the 90-day rotation policy)');
    assert.equal(ageText(new Date(NOW - 2 * DAY).toISOString(), 1, NOW), '2 days (older than the 1-day rotation policy)');
  });
});
