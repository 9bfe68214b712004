package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client's metadata document (draft-ietf-oauth-client-id-metadata-document), checked: it names
 * the URL it was fetched from as its client_id, lists redirect URIs, and describes a public client
 * (no secret: anyone can read the document, so it can hold none).
 */
public record ClientMetadataDocument(
    ClientIdUrl clientId, Optional<String> name, List<RedirectUri> redirectUris) {

  private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");

  public ClientMetadataDocument {
    if (clientId == null || name == null || redirectUris == null || redirectUris.isEmpty()) {
      throw new InvalidValueException("a client metadata document names its id and redirect URIs");
    }
    redirectUris = List.copyOf(redirectUris);
  }

  /**
   * Checks a document fetched from {@code url}, given as parsed JSON (strings, lists, maps,
   * numbers, booleans), and says exactly what is wrong with it.
   */
  public static ClientMetadataDocument check(ClientIdUrl url, Map<String, Object> json) {
    Object clientId = json.get("client_id");
    if (!(clientId instanceof String id) || !id.equals(url.value())) {
      throw new InvalidValueException(
          "the client metadata document's client_id must be exactly " + url.value());
    }
    if (json.containsKey("client_secret") || json.containsKey("client_secret_expires_at")) {
      throw new InvalidValueException(
          "a client metadata document must not contain a client_secret");
    }
    Object method = json.get("token_endpoint_auth_method");
    if (method != null && !"none".equals(method)) {
      throw new InvalidValueException(
          "the client metadata document's token_endpoint_auth_method must be none");
    }
    subset(json, "grant_types", GRANT_TYPES);
    subset(json, "response_types", Set.of("code"));
    Object name = json.get("client_name");
    if (name != null && !(name instanceof String)) {
      throw new InvalidValueException("the client metadata document's client_name must be text");
    }
    Optional<String> clientName = Optional.ofNullable((String) name).map(String::strip);
    if (clientName.isPresent()
        && (clientName.get().isEmpty()
            || clientName.get().length() > OAuthClient.MAX_NAME_LENGTH
            || clientName.get().chars().anyMatch(Character::isISOControl))) {
      throw new InvalidValueException(
          "the client metadata document's client_name must be 1 to "
              + OAuthClient.MAX_NAME_LENGTH
              + " printable characters");
    }
    return new ClientMetadataDocument(url, clientName, redirectUris(json.get("redirect_uris")));
  }

  /** The client this document describes, trusted until {@code validUntil}. */
  public OAuthClient toClient(Instant fetchedAt, Instant validUntil) {
    return OAuthClient.fromMetadataDocument(
        new ClientId(clientId.value()), name, redirectUris, fetchedAt, validUntil);
  }

  private static List<RedirectUri> redirectUris(Object value) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new InvalidValueException("the client metadata document must list its redirect_uris");
    }
    if (list.size() > OAuthClient.MAX_REDIRECT_URIS) {
      throw new InvalidValueException(
          "the client metadata document lists more than "
              + OAuthClient.MAX_REDIRECT_URIS
              + " redirect_uris");
    }
    List<RedirectUri> uris = new ArrayList<>();
    for (Object uri : list) {
      if (!(uri instanceof String text)) {
        throw new InvalidValueException("the document's redirect_uris must be strings");
      }
      uris.add(new RedirectUri(text));
    }
    return uris;
  }

  private static void subset(Map<String, Object> json, String field, Set<String> allowed) {
    Object value = json.get(field);
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> list) || !allowed.containsAll(list)) {
      throw new InvalidValueException(
          "the client metadata document's "
              + field
              + " may contain only "
              + String.join(", ", allowed.stream().sorted().toList()));
    }
  }
}
