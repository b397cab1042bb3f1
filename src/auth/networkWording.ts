import * as l10n from '@vscode/l10n';

/**
 * Plain words for a failed connection, by the transport's error code, so no message shows a bare
 * `UND_ERR_SOCKET`. Pure; shared by the credential check, the tree's error rows and the command
 * messages (all of which sit above this layer).
 */
export function networkCause(code: string | undefined): string {
  switch (code) {
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return l10n.t('the connection was closed by the server or a proxy');
    case 'ECONNREFUSED':
      return l10n.t('the connection was refused (nothing is listening at that address)');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return l10n.t('the host name could not be found; check the network or proxy');
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return l10n.t('connecting timed out');
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return l10n.t('the network is unreachable; you may be offline');
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return l10n.t("the server's certificate is not trusted (a proxy may be intercepting the connection)");
    default:
      return l10n.t('the server could not be reached; you may be offline');
  }
}
