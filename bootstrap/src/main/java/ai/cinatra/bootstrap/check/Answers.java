package ai.cinatra.bootstrap.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads the server's answers — JSON documents and JSON-RPC results — or says why it cannot. */
final class Answers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Answers() {}

  /** A JSON object where one belongs; a 404 or an HTML page there is a proxy's doing. */
  static JsonNode json(Exchange answer, String what) throws CheckFailed {
    if (answer.status() == 404 || answer.isHtml()) {
      throw new CheckFailed(
          answer,
          what
              + (answer.isHtml() ? " answered an HTML page" : " is not found")
              + " where JSON belongs: a reverse proxy or tunnel does not pass /.well-known/* (and"
              + " /oauth/*) to Cinatra. Route the whole host to it, or at least /.well-known/,"
              + " /oauth/, /sign-in and /api/mcp.");
    }
    try {
      JsonNode node = JSON.readTree(answer.body());
      if (node == null || !node.isObject()) {
        throw new CheckFailed(answer, what + " did not answer a JSON object.");
      }
      return node;
    } catch (IOException e) {
      throw new CheckFailed(answer, what + " did not answer JSON.");
    }
  }

  /** The result of a JSON-RPC answer, sent as JSON or as the last event of an SSE stream. */
  static JsonNode rpcResult(Exchange answer, String what) throws CheckFailed {
    String body = answer.body();
    if (answer.contentType().contains("text/event-stream")) {
      body =
          body.lines()
              .filter(l -> l.startsWith("data:"))
              .map(l -> l.substring(5).strip())
              .reduce((a, b) -> b)
              .orElse("");
    }
    JsonNode message;
    try {
      message = JSON.readTree(body);
    } catch (IOException e) {
      throw new CheckFailed(answer, what + " did not answer JSON-RPC.");
    }
    if (answer.status() != 200 || message == null || !message.has("result")) {
      throw new CheckFailed(
          answer, what + " failed: " + (message == null ? "" : message.path("error").toString()));
    }
    return message.get("result");
  }

  static boolean sameUrl(String a, String b) {
    return strip(a).equals(strip(b));
  }

  static boolean loopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
