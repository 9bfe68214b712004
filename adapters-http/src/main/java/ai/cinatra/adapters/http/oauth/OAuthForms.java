package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.in.oauth.ClientCredentials;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Reads OAuth form posts strictly: each parameter at most once, client auth one way only. */
final class OAuthForms {
  private static final int MAX_VALUE = 4096;

  private OAuthForms() {}

  static String single(MultivaluedMap<String, String> form, String name) {
    List<String> values = form == null ? null : form.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new OAuthException(Code.INVALID_REQUEST, name + " is given more than once");
    }
    String value = values.get(0);
    if (value.length() > MAX_VALUE) {
      throw new OAuthException(Code.INVALID_REQUEST, name + " is too long");
    }
    return value.isEmpty() ? null : value;
  }

  static ClientCredentials clientCredentials(
      MultivaluedMap<String, String> form, String authorization) {
    String formId = single(form, "client_id");
    String formSecret = single(form, "client_secret");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      if (formSecret != null) {
        throw new OAuthException(Code.INVALID_REQUEST, "use one client authentication method");
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new OAuthException(Code.INVALID_CLIENT, "malformed Basic credentials");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new OAuthException(Code.INVALID_CLIENT, "malformed Basic credentials");
      }
      // RFC 6749 2.3.1: both parts are form-encoded before Basic encoding.
      String id = formDecoded(decoded.substring(0, colon));
      String secret = formDecoded(decoded.substring(colon + 1));
      if (formId != null && !formId.equals(id)) {
        throw new OAuthException(
            Code.INVALID_REQUEST, "client_id differs from the Basic credentials");
      }
      return new ClientCredentials(id, secret);
    }
    return new ClientCredentials(formId, formSecret);
  }

  /** A form-encoded part of Basic credentials; a broken escape (a lone %) is bad credentials. */
  private static String formDecoded(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OAuthException(Code.INVALID_CLIENT, "malformed Basic credentials");
    }
  }
}
