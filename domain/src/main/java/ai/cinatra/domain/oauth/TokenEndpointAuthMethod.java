package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;

/** How a client proves itself at the token endpoint (RFC 7591): not at all, or with a secret. */
public enum TokenEndpointAuthMethod {
  NONE("none"),
  CLIENT_SECRET_BASIC("client_secret_basic"),
  CLIENT_SECRET_POST("client_secret_post");

  private final String wireName;

  TokenEndpointAuthMethod(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isConfidential() {
    return this != NONE;
  }

  /** The method named in a registration; RFC 7591 makes client_secret_basic the default. */
  public static TokenEndpointAuthMethod parse(String text) {
    if (text == null) {
      return CLIENT_SECRET_BASIC;
    }
    for (TokenEndpointAuthMethod method : values()) {
      if (method.wireName.equals(text)) {
        return method;
      }
    }
    throw new InvalidValueException(
        "token_endpoint_auth_method must be none, client_secret_basic or client_secret_post");
  }
}
