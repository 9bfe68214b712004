package ai.cinatra.application.port.in.oauth;

/** Registers an OAuth client with no operator involved (RFC 7591), as Claude Desktop arrives. */
public interface RegisterClientUseCase {
  RegisteredClient register(RegisterClientCommand command);
}
