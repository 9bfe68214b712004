package ai.cinatra.application.port.in.oauth;

/** The parameters of an authorization request (RFC 6749 4.1.1, RFC 7636, RFC 8707) as received. */
public record AuthorizeCommand(
    String responseType,
    String clientId,
    String redirectUri,
    String scope,
    String state,
    String codeChallenge,
    String codeChallengeMethod,
    String resource) {}
