package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.error.OAuthException;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The token endpoint's client credential parsing over any Authorization header and form: an OAuth
 * error (invalid_client for bad credentials), never another exception — a 500 at the wire.
 */
class CredentialsFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void anyCredentials(FuzzedDataProvider data) {
    MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    if (data.consumeBoolean()) {
      form.add("client_id", data.consumeString(80));
    }
    if (data.consumeBoolean()) {
      form.add("client_secret", data.consumeString(80));
    }
    String raw = data.consumeRemainingAsString();
    String header =
        raw.length() % 2 == 0
            ? "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8))
            : raw;
    try {
      OAuthForms.clientCredentials(form, header);
    } catch (OAuthException refused) {
      // invalid_client or invalid_request, as the RFC says.
    }
  }
}
