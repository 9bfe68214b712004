package ai.cinatra.domain.paging;

import ai.cinatra.domain.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The one cursor format of every paged list: its parts joined by ':' and encoded as URL-safe
 * BASE64, so a client passes it back without reading it. A cursor that does not decode to the
 * expected number of parts is refused with the same words everywhere.
 */
public final class PageCursor {
  static final String INVALID = "invalid cursor; pass back a nextCursor this server gave";

  private PageCursor() {}

  /** Where a page ordered by creation time, then id, ended. */
  public record Position(Instant createdAt, String id) {
    public Position {
      if (createdAt == null || id == null || id.isEmpty() || id.contains(":")) {
        throw new IllegalArgumentException("a position has a time and an id without ':'");
      }
    }
  }

  public static String encode(String... parts) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(":", parts).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor's parts; a cursor of another shape is an {@link InvalidValueException}. */
  public static List<String> decode(String cursor, int parts) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      List<String> decoded = List.of(text.split(":", -1));
      if (decoded.size() != parts) {
        throw new InvalidValueException(INVALID);
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(INVALID);
    }
  }

  public static String encode(Position position) {
    Instant at = position.createdAt();
    return encode(
        Long.toString(at.getEpochSecond()), Integer.toString(at.getNano()), position.id());
  }

  public static Position position(String cursor) {
    List<String> parts = decode(cursor, 3);
    try {
      return new Position(
          Instant.ofEpochSecond(Long.parseLong(parts.get(0)), Long.parseLong(parts.get(1))),
          parts.get(2));
    } catch (RuntimeException e) { // a number that is not one, a time out of range, an empty id
      throw new InvalidValueException(INVALID);
    }
  }
}
