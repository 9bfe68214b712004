package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A client: one that registered itself (RFC 7591), such as mcp-remote, or one known by its metadata
 * document's URL (a Client ID Metadata Document), such as Claude, whose copy of the document is
 * trusted until {@code metadataValidUntil}.
 */
public record OAuthClient(
    ClientId id,
    Optional<String> name,
    List<RedirectUri> redirectUris,
    TokenEndpointAuthMethod authMethod,
    Optional<String> secretHash,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> metadataValidUntil) {

  /** Hosts whose metadata documents are Claude's own (claude.ai and, announced, claude.com). */
  public static final Set<String> CLAUDE_HOSTS = Set.of("claude.ai", "claude.com");

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
    if (metadataValidUntil == null || id.isUrl() != metadataValidUntil.isPresent()) {
      throw new InvalidValueException(
          "a client known by a metadata document URL, and only such a client, has a validity");
    }
    if (id.isUrl() && authMethod != TokenEndpointAuthMethod.NONE) {
      throw new InvalidValueException("a client known by its metadata document has no secret");
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

  /** A client as its metadata document describes it, fetched at {@code fetchedAt}. */
  public static OAuthClient fromMetadataDocument(
      ClientId id,
      Optional<String> name,
      List<RedirectUri> redirectUris,
      Instant fetchedAt,
      Instant validUntil) {
    return new OAuthClient(
        id,
        name,
        redirectUris,
        TokenEndpointAuthMethod.NONE,
        Optional.empty(),
        fetchedAt,
        Optional.empty(),
        Optional.of(validUntil));
  }

  /** Whether the copy of the metadata document this client was read from may still be used. */
  public boolean isMetadataCurrentAt(Instant now) {
    return metadataValidUntil.map(now::isBefore).orElse(true);
  }

  /**
   * The host that vouches for this client: its metadata document's host, fetched over https. A
   * registered client has none: its name is only what it said about itself.
   */
  public Optional<String> verifiedHost() {
    return id.documentHost();
  }

  /**
   * Whether a client is listed as Claude: its metadata document is on a Claude host (verified), or
   * its name — which the client chose itself — contains "claude".
   */
  public static boolean isClaude(ClientId id, Optional<String> name) {
    return isVerifiedClaude(id)
        || name.map(n -> n.toLowerCase(Locale.ROOT).contains("claude")).orElse(false);
  }

  /** Whether the client's metadata document is served by Claude itself (claude.ai, claude.com). */
  public static boolean isVerifiedClaude(ClientId id) {
    return id.documentHost().filter(CLAUDE_HOSTS::contains).isPresent();
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
