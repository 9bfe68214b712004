package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.fakes.InMemoryAccountRepository;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.fakes.ReversingPasswordHasher;
import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import ai.cinatra.application.port.in.session.SignedIn;
import ai.cinatra.application.port.out.WebSessionRepository;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.account.WebSession;
import ai.cinatra.domain.oauth.OpaqueSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sign-in with fakes: the right answer for each wrong input, the slow-down, and sessions. */
class SignInServiceTest {
  private static final String PASSWORD = "a long enough password";
  private static final String ADDRESS = "203.0.113.7";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
  private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  private final ReversingPasswordHasher hasher = new ReversingPasswordHasher();
  private final Sessions sessions = new Sessions();
  private final SignInService service = new SignInService(accounts, hasher, sessions, clock);
  private final Account alice = account("alice@example.org", Role.MEMBER);

  private Account account(String email, Role role) {
    Account account =
        Account.create(new Email(email), role, hasher.hash(PASSWORD), clock.instant());
    accounts.add(account);
    return account;
  }

  @Test
  void theRightPassword_opensASession_storedOnlyAsTheTokensHash() {
    SignedIn signedIn = service.signIn(" Alice@Example.org ", PASSWORD, ADDRESS);
    WebSession stored = sessions.byHash.get(OpaqueSecret.hash(signedIn.token()));
    assertThat(stored).isNotNull();
    assertThat(sessions.byHash).doesNotContainKey(signedIn.token());
    assertThat(stored.account()).isEqualTo(alice.id());
    assertThat(stored.csrfToken()).isNotBlank().isNotEqualTo(signedIn.token());

    SignedInPerson person = service.person(signedIn.token()).orElseThrow();
    assertThat(person.actor().email()).isEqualTo(alice.email());
    assertThat(person.actor().client()).isEqualTo(SignInService.WEB_CLIENT);
  }

  @Test
  void everyKindOfWrong_getsTheSameAnswer() {
    account("disabled@example.org", Role.MEMBER);
    accounts.updateStatus(
        accounts.findByEmail(new Email("disabled@example.org")).orElseThrow().id(),
        AccountStatus.DISABLED);
    for (String[] attempt :
        new String[][] {
          {"alice@example.org", "wrong password"},
          {"nobody@example.org", PASSWORD},
          {"not an email", PASSWORD},
          {"alice@example.org", null},
          {"alice@example.org", "x".repeat(10_000)},
          {"disabled@example.org", PASSWORD}
        }) {
      assertThatThrownBy(
              () -> service.signIn(attempt[0], attempt[1], "198.51.100." + attempt[0].length()))
          .as(attempt[0])
          .isInstanceOf(ForbiddenException.class)
          .hasMessage("the email or password is wrong");
    }
    assertThat(sessions.byHash).isEmpty();
  }

  @Test
  void afterFiveFailures_eachAttemptWaitsTwiceAsLong_perEmailAndAddress() {
    for (int i = 0; i < SignInService.FREE_FAILURES; i++) {
      assertThatThrownBy(() -> service.signIn("alice@example.org", "wrong", ADDRESS))
          .hasMessage("the email or password is wrong");
    }
    // Even the right password waits now: the wait is what makes guessing slow.
    assertThatThrownBy(() -> service.signIn("alice@example.org", PASSWORD, ADDRESS))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageStartingWith("too many failed attempts; try again in 1 seconds");
    // Another address is not slowed by this one's failures.
    assertThat(service.signIn("alice@example.org", PASSWORD, "192.0.2.1").token()).isNotBlank();

    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> service.signIn("alice@example.org", "wrong", ADDRESS))
        .hasMessage("the email or password is wrong");
    assertThatThrownBy(() -> service.signIn("alice@example.org", PASSWORD, ADDRESS))
        .hasMessageStartingWith("too many failed attempts; try again in 2 seconds");

    clock.advance(Duration.ofSeconds(2));
    assertThat(service.signIn("alice@example.org", PASSWORD, ADDRESS).token()).isNotBlank();
    // A success forgets the failures.
    assertThatThrownBy(() -> service.signIn("alice@example.org", "wrong", ADDRESS))
        .hasMessage("the email or password is wrong");
  }

  @Test
  void aSession_endsWithItsLifetime_itsAccountsDisable_orSignOut() {
    String expiring = service.signIn("alice@example.org", PASSWORD, ADDRESS).token();
    clock.advance(WebSession.LIFETIME.minusSeconds(1));
    assertThat(service.person(expiring)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(service.person(expiring)).isEmpty();

    String disabled = service.signIn("alice@example.org", PASSWORD, ADDRESS).token();
    accounts.updateStatus(alice.id(), AccountStatus.DISABLED);
    assertThat(service.person(disabled)).isEmpty();
    accounts.updateStatus(alice.id(), AccountStatus.ACTIVE);
    assertThat(service.person(disabled))
        .as("re-enabled: the session was only refused, not ended")
        .hasValueSatisfying(
            p -> assertThat(p.actor().email().value()).isEqualTo("alice@example.org"));

    String signedOut = service.signIn("alice@example.org", PASSWORD, ADDRESS).token();
    service.signOut(signedOut);
    assertThat(service.person(signedOut)).isEmpty();

    assertThat(service.person(null)).isEmpty();
    assertThat(service.person("")).isEmpty();
    assertThat(service.person("x".repeat(101))).isEmpty();
    assertThat(service.person("made-up-token")).isEmpty();
  }

  /** Sessions in a map by token hash. */
  private static final class Sessions implements WebSessionRepository {
    final Map<String, WebSession> byHash = new HashMap<>();

    @Override
    public void add(WebSession session) {
      byHash.put(session.tokenHash(), session);
    }

    @Override
    public Optional<WebSession> findByHash(String tokenHash) {
      return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public void delete(String tokenHash) {
      byHash.remove(tokenHash);
    }
  }
}
