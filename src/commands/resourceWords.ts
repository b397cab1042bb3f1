/**
 * How the resource kinds and command verbs that descriptors pass as identifiers ('service
 * account', 'create') read inside a sentence. Code keeps comparing the identifiers (the role
 * table, the field a conflict is about); messages show these words. A word not listed here is
 * shown as given. Pure (no vscode).
 */
import * as l10n from '@vscode/l10n';

/** A resource kind inside a sentence: "service account" in "Couldn't create service account 'x'". */
export function nounText(noun: string): string {
  switch (noun) {
    case 'environment': return l10n.t({ message: 'environment', comment: ['a Confluent Cloud environment, inside a sentence'] });
    case 'service account': return l10n.t({ message: 'service account', comment: ['inside a sentence'] });
    case 'user': return l10n.t({ message: 'user', comment: ['a Confluent Cloud user, inside a sentence'] });
    case 'invitation': return l10n.t({ message: 'invitation', comment: ['an invitation to join the organization, inside a sentence'] });
    case 'API key': return l10n.t({ message: 'API key', comment: ['inside a sentence'] });
    case 'role binding': return l10n.t({ message: 'role binding', comment: ['inside a sentence'] });
    case 'role': return l10n.t({ message: 'role', comment: ['a role granted to an account, inside a sentence'] });
    default: return noun;
  }
}

/** The plural of a resource kind, as in "its quota for service accounts". */
export function pluralNounText(noun: string): string {
  switch (noun) {
    case 'environment': return l10n.t('environments');
    case 'service account': return l10n.t('service accounts');
    case 'user': return l10n.t('users');
    case 'invitation': return l10n.t('invitations');
    case 'API key': return l10n.t('API keys');
    case 'role binding': return l10n.t('role bindings');
    case 'role': return l10n.t('roles');
    default: return noun.endsWith('s') ? noun : `${noun}s`;
  }
}

/** A command verb inside "Couldn't {verb} …". */
export function verbText(verb: string): string {
  switch (verb) {
    case 'create': return l10n.t({ message: 'create', comment: ['as in "Couldn\'t create service account \'x\'"'] });
    case 'edit': return l10n.t({ message: 'edit', comment: ['as in "Couldn\'t edit service account \'x\'"'] });
    case 'rename': return l10n.t({ message: 'rename', comment: ['as in "Couldn\'t rename environment \'x\'"'] });
    case 'invite': return l10n.t({ message: 'invite', comment: ['as in "Couldn\'t invite user \'x\'"'] });
    case 'grant': return l10n.t({ message: 'grant', comment: ['as in "Couldn\'t grant role binding"'] });
    case 'rotate': return l10n.t({ message: 'rotate', comment: ['as in "Couldn\'t rotate API key \'x\'"'] });
    case 'delete': return l10n.t({ message: 'delete', comment: ['as in "Couldn\'t delete service account \'x\'"'] });
    case 'revoke': return l10n.t({ message: 'revoke', comment: ['as in "Couldn\'t revoke role binding \'x\'"'] });
    case 'check what goes with': return l10n.t({ message: 'check what goes with', comment: ['as in "Couldn\'t check what goes with service account \'x\'"'] });
    default: return verb;
  }
}

/** The progress title while a create or update runs: "Creating service account 'x'…". */
export function progressText(verb: string, what: string): string {
  switch (verb) {
    case 'create': return l10n.t('Creating {0}…', what);
    case 'edit': return l10n.t('Editing {0}…', what);
    case 'rename': return l10n.t('Renaming {0}…', what);
    case 'invite': return l10n.t('Inviting {0}…', what);
    case 'grant': return l10n.t('Granting {0}…', what);
    case 'rotate': return l10n.t('Rotating {0}…', what);
    default: {
      const ongoing = verb.endsWith('e') ? `${verb.slice(0, -1)}ing` : `${verb}ing`;
      return `${ongoing.charAt(0).toUpperCase()}${ongoing.slice(1)} ${what}…`;
    }
  }
}
