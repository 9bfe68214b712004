package ai.cinatra.application.fuzz;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.fakes.InMemoryClientRepository;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.in.oauth.RegisterClientCommand;
import ai.cinatra.application.service.ClientRegistrationService;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic client registration's metadata validation over any input: an OAuth error, or a client
 * stored; never another exception, and nothing stored on a refusal.
 */
class RegistrationFuzzTest {
  private final InMemoryClientRepository clients = new InMemoryClientRepository();
  private final ClientRegistrationService registration =
      new ClientRegistrationService(
          clients,
          new ai.cinatra.application.fakes.InMemoryGrants(),
          new MutableClock(Instant.EPOCH),
          1_000_000_000,
          Duration.ofMillis(1));

  @FuzzTest(maxDuration = "5s")
  void anyRegistration(FuzzedDataProvider data) {
    int before = clients.all().size();
    try {
      registration.register(
          new RegisterClientCommand(
              data.consumeBoolean() ? null : data.consumeString(250),
              strings(data, 12),
              data.consumeBoolean() ? null : data.consumeString(30),
              data.consumeBoolean() ? null : strings(data, 3),
              data.consumeBoolean() ? null : strings(data, 3),
              "127.0.0.1"));
    } catch (OAuthException refused) {
      if (clients.all().size() != before) {
        throw new AssertionError("a refused registration stored a client");
      }
    }
  }

  private static List<String> strings(FuzzedDataProvider data, int max) {
    List<String> values = new ArrayList<>();
    int count = data.consumeInt(0, max);
    for (int i = 0; i < count; i++) {
      values.add(data.consumeString(200));
    }
    return values;
  }
}
