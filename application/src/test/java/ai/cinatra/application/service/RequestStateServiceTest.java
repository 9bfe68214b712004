package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.application.fakes.Actors;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.out.Sealer;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestStateServiceTest {
  /** A sealer that only checks purpose and integrity, as the AEAD one does, in the open. */
  private static final Sealer SEALER =
      new Sealer() {
        @Override
        public String seal(String purpose, String plain) {
          return Base64.getEncoder().encodeToString((purpose + "|" + plain).getBytes());
        }

        @Override
        public Optional<String> open(String purpose, String sealed) {
          String plain;
          try {
            plain = new String(Base64.getDecoder().decode(sealed));
          } catch (IllegalArgumentException e) {
            return Optional.empty();
          }
          return plain.startsWith(purpose + "|")
              ? Optional.of(plain.substring(purpose.length() + 1))
              : Optional.empty();
        }
      };

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final RequestStateService states = new RequestStateService(SEALER, clock);
  private final Actor alice = Actors.of(Role.MEMBER);

  @Test
  void aState_opensForTheSameAccountAndRequest_untilItExpires() {
    String state = states.seal(alice, "tools/call whoami", "{\"a\":1}");
    assertThat(states.open(alice, "tools/call whoami", state)).contains("{\"a\":1}");
    clock.advance(RequestStateService.LIFETIME.minusSeconds(1));
    assertThat(states.open(alice, "tools/call whoami", state)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(states.open(alice, "tools/call whoami", state)).as("expired").isEmpty();
  }

  @Test
  void aState_doesNotOpen_forAnotherAccount_anotherRequest_orAfterAChange() {
    String state = states.seal(alice, "tools/call a", "x");
    assertThat(states.open(Actors.of(Role.MEMBER), "tools/call a", state)).isEmpty();
    assertThat(states.open(alice, "tools/call b", state)).isEmpty();
    assertThat(states.open(alice, "tools/call a", state + "A")).isEmpty();
    assertThat(states.open(alice, "tools/call a", "not base64 at all!")).isEmpty();
    assertThat(states.open(alice, "tools/call a", null)).isEmpty();
  }
}
