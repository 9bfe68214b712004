package ai.cinatra.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.domain.oauth.RefreshToken.Presentation;
import ai.cinatra.domain.oauth.RefreshToken.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefreshTokenTest {
  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  static final Duration WINDOW = Duration.ofSeconds(60);
  static final GrantId GRANT = GrantId.random();

  private static RefreshToken token(String hash, String parent, State state, Instant createdAt) {
    return new RefreshToken(
        hash, GRANT, Optional.ofNullable(parent), state, createdAt, createdAt.plusSeconds(86400));
  }

  @Test
  void currentToken_rotates() {
    assertThat(token("t0", null, State.CURRENT, T0).presentedAt(T0, Optional.empty(), WINDOW))
        .isEqualTo(Presentation.ROTATE);
  }

  @Test
  void replacedToken_mayBeRetried_whileItsSuccessorIsUnused_andWithinTheWindow() {
    RefreshToken replaced = token("t0", null, State.REPLACED, T0);
    RefreshToken successor = token("t1", "t0", State.CURRENT, T0.plusSeconds(10));

    assertThat(replaced.presentedAt(T0.plusSeconds(69), Optional.of(successor), WINDOW))
        .isEqualTo(Presentation.RETRY);
    assertThat(replaced.presentedAt(T0.plusSeconds(70), Optional.of(successor), WINDOW))
        .as("the window has passed")
        .isEqualTo(Presentation.REVOKE_GRANT);
    assertThat(replaced.presentedAt(T0.plusSeconds(20), Optional.empty(), WINDOW))
        .as("no unused successor: it was used")
        .isEqualTo(Presentation.REVOKE_GRANT);
    assertThat(
            replaced.presentedAt(
                T0.plusSeconds(20),
                Optional.of(token("t1", "t0", State.REPLACED, T0.plusSeconds(10))),
                WINDOW))
        .as("the successor was itself rotated")
        .isEqualTo(Presentation.REVOKE_GRANT);
    assertThat(
            replaced.presentedAt(
                T0.plusSeconds(20),
                Optional.of(token("tx", "other", State.CURRENT, T0.plusSeconds(10))),
                WINDOW))
        .as("not its successor")
        .isEqualTo(Presentation.REVOKE_GRANT);
  }

  @ParameterizedTest
  @EnumSource(
      value = State.class,
      names = {"SPENT", "RETRIED", "DISCARDED"})
  void anyOtherReplacedToken_revokesTheGrant(State state) {
    RefreshToken successor = token("t1", "t0", State.CURRENT, T0);
    assertThat(token("t0", null, state, T0).presentedAt(T0, Optional.of(successor), WINDOW))
        .isEqualTo(Presentation.REVOKE_GRANT);
  }
}
