package ai.cinatra.adapters.http.mcp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refused bearer token: the 401's WWW-Authenticate value and its JSON body. */
public final class BearerChallenge extends RuntimeException {
  private final String wwwAuthenticate;
  private final Map<String, String> body;

  BearerChallenge(String wwwAuthenticate, Map<String, String> body) {
    super(body.get("error_description"), null, false, false);
    this.wwwAuthenticate = wwwAuthenticate;
    this.body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }

  public String wwwAuthenticate() {
    return wwwAuthenticate;
  }

  public Map<String, String> body() {
    return body;
  }
}
