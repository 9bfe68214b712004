package ai.cinatra.adapters.http.error;

import ai.cinatra.adapters.http.oauth.OAuthError;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * Refuses, in one place at the edge, any request body that carries a control character — raw, as a
 * JSON escape ({@code \u0000}) or form-encoded ({@code %00}) — other than tab, line feed and
 * carriage return. PostgreSQL cannot store U+0000 in text, and no field of ours wants the others;
 * refusing here means no use case, audit entry or database ever sees one. The answer is the
 * endpoint's own error form (McpServlet does the same for /api/mcp): an OAuth error on /oauth/*, a
 * problem detail on /api/admin.
 */
public final class ControlCharacterInterceptor implements ReaderInterceptor {
  @Context private UriInfo uri;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    byte[] body = context.getInputStream().readAllBytes();
    OptionalInt found = find(body);
    if (found.isPresent()) {
      throw new WebApplicationException(refusal(found.getAsInt()));
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /** The first forbidden control character in the body, in any of its three spellings. */
  public static OptionalInt find(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      int b = body[i] & 0xff;
      if (b < 0x20 && !allowed(b)) {
        return OptionalInt.of(b);
      }
      if (b == '\\' && i + 1 < body.length) {
        if (body[i + 1] == 'u' && i + 5 < body.length) {
          int value = hex(body, i + 2, 4);
          if (value >= 0 && value < 0x20 && !allowed(value)) {
            return OptionalInt.of(value);
          }
        }
        i++; // an escaped character: "\\\\u0000" is a backslash, then text
      } else if (b == '%' && i + 2 < body.length) {
        int value = hex(body, i + 1, 2);
        if (value >= 0 && value < 0x20 && !allowed(value)) {
          return OptionalInt.of(value);
        }
      }
    }
    return OptionalInt.empty();
  }

  private static boolean allowed(int c) {
    return c == '\t' || c == '\n' || c == '\r';
  }

  private static int hex(byte[] body, int from, int digits) {
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      int d = Character.digit(body[i], 16);
      if (d < 0) {
        return -1;
      }
      value = value * 16 + d;
    }
    return value;
  }

  /** What the client is told when its request carries the control character. */
  public static String refusalMessage(int character) {
    return String.format(
        "the request contains the control character U+%04X; remove control characters (tabs"
            + " and line breaks are fine)",
        character);
  }

  private Response refusal(int character) {
    String message = refusalMessage(character);
    String path = uri == null ? "" : uri.getPath();
    Response.ResponseBuilder bad =
        Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE);
    if (path.startsWith("api/admin")) {
      return bad.type(ProblemDetail.MEDIA_TYPE)
          .entity(ProblemDetail.of(400, "Bad Request", message))
          .build();
    }
    if (path.startsWith("oauth/") && !path.startsWith("oauth/authorize")) {
      String code =
          path.startsWith("oauth/register") ? "invalid_client_metadata" : "invalid_request";
      return bad.header("Cache-Control", "no-store").entity(new OAuthError(code, message)).build();
    }
    return bad.entity(new ErrorMessage(400, message)).build();
  }
}
