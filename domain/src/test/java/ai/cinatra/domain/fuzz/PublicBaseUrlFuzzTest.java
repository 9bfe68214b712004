package ai.cinatra.domain.fuzz;

import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.PublicBaseUrl;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** The public-URL setting over any text: refused, or an https URL with no path, never a crash. */
class PublicBaseUrlFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void anyPublicUrl(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    PublicBaseUrl url;
    try {
      url = new PublicBaseUrl(text);
    } catch (InvalidValueException refused) {
      return;
    }
    if (!url.value().startsWith("https://")) {
      throw new AssertionError("accepted a public URL that is not https: " + url.value());
    }
  }
}
