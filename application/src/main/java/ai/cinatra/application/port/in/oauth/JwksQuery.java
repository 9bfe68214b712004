package ai.cinatra.application.port.in.oauth;

/** The public keys clients and resource servers use to verify this server's tokens. */
public interface JwksQuery {
  /** A JWK Set document (RFC 7517) with public keys only. */
  String jwks();
}
