package ai.cinatra.domain.fuzz;

import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.RedirectUri;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Redirect-URI registration and matching: a refusal is fine, any other exception is a bug. */
class RedirectUriFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void registeredAndRequestedUris(FuzzedDataProvider data) {
    String registered = data.consumeString(300);
    String requested = data.consumeRemainingAsString();
    RedirectUri uri;
    try {
      uri = new RedirectUri(registered);
    } catch (InvalidValueException refused) {
      return;
    }
    boolean matches = uri.matches(requested);
    if (matches && !uri.isLoopback() && !registered.equals(requested)) {
      throw new AssertionError("a non-loopback URI matched another string: " + requested);
    }
    uri.displayHost();
  }
}
