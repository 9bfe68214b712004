package ai.cinatra.application.port.in.oauth;

/** Revocation (RFC 7009) and introspection (RFC 7662) of this server's tokens. */
public interface RevokeAndIntrospectUseCase {

  /**
   * Revokes the grant behind an access or refresh token issued to this client; a token that is
   * unknown, invalid or another client's is ignored, as RFC 7009 asks.
   */
  void revoke(ClientCredentials client, String token);

  /** Introspects a token issued to this confidential client; anything else is inactive. */
  Introspection introspect(ClientCredentials client, String token);
}
