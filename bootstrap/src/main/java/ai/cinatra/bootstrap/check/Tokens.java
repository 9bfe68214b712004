package ai.cinatra.bootstrap.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Optional;

/** Reads a JWT's claims without checking it: the doctor only explains, the server decides. */
final class Tokens {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tokens() {}

  static Optional<JsonNode> claims(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
