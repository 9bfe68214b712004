package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A client that registered itself (RFC 7591), such as Claude Desktop or mcp-remote. */
public record OAuthClient(
    ClientId id,
    Optional<String> name,
    List<RedirectUri> redirectUris,
    TokenEndpointAuthMethod authMethod,
    Optional<String> secretHash,
    Instant createdAt,
    Optional<Instant> lastUsedAt) {

  /** Enough for every real client's callbacks; more is a sign of abuse. */
  public static final int MAX_REDIRECT_URIS = 10;

  public static final int MAX_NAME_LENGTH = 200;

  public OAuthClient {
    if (id == null || name == null || redirectUris == null || authMethod == null) {
      throw new InvalidValueException("a client needs an id, redirect URIs and an auth method");
    }
    if (secretHash == null || createdAt == null || lastUsedAt == null) {
      throw new InvalidValueException("a client needs a creation time");
    }
    if (redirectUris.isEmpty()) {
      throw new InvalidValueException("redirect_uris must name at least one URI");
    }
    if (redirectUris.size() > MAX_REDIRECT_URIS) {
      throw new InvalidValueException(
          "redirect_uris may name at most " + MAX_REDIRECT_URIS + " URIs");
    }
    if (name.isPresent() && (name.get().isBlank() || name.get().length() > MAX_NAME_LENGTH)) {
      throw new InvalidValueException(
          "client_name must be 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (authMethod.isConfidential() != secretHash.isPresent()) {
      throw new InvalidValueException("a confidential client has a secret, a public one has none");
    }
    redirectUris = List.copyOf(redirectUris);
  }

  /** The registered URI that {@code requested} matches, if any. */
  public Optional<RedirectUri> redirectUriMatching(String requested) {
    return redirectUris.stream().filter(uri -> uri.matches(requested)).findFirst();
  }

  /** The name shown to people: the registered one, or the id when the client gave none. */
  public String displayName() {
    return name.orElse(id.value());
  }

  @Override
  public String toString() {
    return "OAuthClient[id=" + id + ", name=" + name + ", authMethod=" + authMethod + "]";
  }
}
