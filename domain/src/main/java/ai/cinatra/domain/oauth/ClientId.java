package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identifies an OAuth client: a random, opaque id this server handed out at registration, or the
 * URL of the client's metadata document (a Client ID Metadata Document client, such as Claude).
 */
public record ClientId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public ClientId {
    if (value == null || !(SHAPE.matcher(value).matches() || ClientIdUrl.isUrlShaped(value))) {
      throw new InvalidValueException("not a client id");
    }
  }

  /** A new id with 128 random bits. */
  public static ClientId random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new ClientId("mcp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Whether this id is the URL of a client metadata document rather than one we issued. */
  public boolean isUrl() {
    return ClientIdUrl.isUrlShaped(value);
  }

  /**
   * The host that serves this client's metadata document, lower case; empty for a registered id. It
   * vouches for the client: the document was fetched from it over https.
   */
  public Optional<String> documentHost() {
    return isUrl()
        ? Optional.of(URI.create(value).getHost().toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
