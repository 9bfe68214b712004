package ai.cinatra.application.port.in.oauth;

/** The token endpoint: codes and refresh tokens in, access tokens out. */
public interface TokenUseCase {

  TokenResponse exchangeCode(
      ClientCredentials client,
      String code,
      String redirectUri,
      String codeVerifier,
      String resource);

  TokenResponse refresh(ClientCredentials client, String refreshToken, String resource);
}
