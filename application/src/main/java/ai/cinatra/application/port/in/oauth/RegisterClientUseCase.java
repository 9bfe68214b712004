package ai.cinatra.application.port.in.oauth;

/** Registers an OAuth client with no operator involved (RFC 7591), as Claude Desktop arrives. */
public interface RegisterClientUseCase {
  RegisteredClient register(RegisterClientCommand command);

  /**
   * Deletes a registration at its client's request (RFC 7592 section 2.3), ending every grant made
   * through it.
   *
   * @throws ai.cinatra.application.error.OAuthException invalid_token when the client is unknown,
   *     has no registration access token, or another one was given (alike: nothing leaks)
   */
  void delete(String clientId, String registrationToken);
}
