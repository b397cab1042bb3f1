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
      return 'the connection was closed by the server or a proxy';
    case 'ECONNREFUSED':
      return 'the connection was refused (nothing is listening at that address)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be found; check the network or proxy';
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return 'connecting timed out';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'the network is unreachable; you may be offline';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return 'the server\'s certificate is not trusted (a proxy may be intercepting the connection)';
    default:
      return 'the server could not be reached; you may be offline';
  }
}
