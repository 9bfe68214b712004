package ai.cinatra.application.service;

import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.port.in.session.SignInUseCase;
import ai.cinatra.application.port.in.session.SignedIn;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.PasswordHasher;
import ai.cinatra.application.port.out.WebSessionRepository;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import ai.cinatra.domain.account.PasswordPolicy;
import ai.cinatra.domain.account.WebSession;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OpaqueSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signs people in. After {@value #FREE_FAILURES} failures for one email from one address, each
 * further attempt must wait twice as long as the last (up to {@code MAX_WAIT}): guessing slows to a
 * crawl while the person who mistyped waits seconds.
 */
public final class SignInService implements SignInUseCase {
  /** The client people act through on the pages, as audit entries show it. */
  public static final ClientId WEB_CLIENT = new ClientId("web");

  static final int FREE_FAILURES = 5;
  private static final Duration MAX_WAIT = Duration.ofMinutes(5);
  private static final int MAX_TRACKED = 10_000;
  private static final String WRONG = "the email or password is wrong";

  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final WebSessionRepository sessions;
  private final Clock clock;

  /**
   * Hashed on first use, not at construction, so commands and start-up do not pay for it; then an
   * unknown email costs as much time as a known one.
   */
  private volatile PasswordHash decoy;

  private record Failures(int count, Instant lastAt) {}

  private final Map<String, Failures> failures =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  public SignInService(
      AccountRepository accounts,
      PasswordHasher hasher,
      WebSessionRepository sessions,
      Clock clock) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public SignedIn signIn(String emailText, String password, String sourceAddress) {
    Instant now = clock.instant();
    String key = String.valueOf(emailText).strip().toLowerCase(Locale.ROOT) + "|" + sourceAddress;
    Duration wait = waitFor(key, now);
    if (!wait.isZero()) {
      throw new ForbiddenException(
          "too many failed attempts; try again in " + Math.max(1, wait.toSeconds()) + " seconds");
    }
    Optional<Account> account = find(emailText);
    boolean bounded = password != null && password.length() <= PasswordPolicy.MAX_LENGTH;
    boolean matches =
        bounded
            && hasher.matches(password, account.map(Account::passwordHash).orElseGet(this::decoy));
    if (!matches || account.isEmpty() || !account.get().isActive()) {
      recordFailure(key, now);
      throw new ForbiddenException(WRONG);
    }
    clearFailures(key);
    String token = OpaqueSecret.generate();
    WebSession session =
        new WebSession(
            OpaqueSecret.hash(token),
            account.get().id(),
            OpaqueSecret.generate(),
            now,
            now.plus(WebSession.LIFETIME));
    sessions.add(session);
    return new SignedIn(session, token);
  }

  private PasswordHash decoy() {
    PasswordHash hash = decoy;
    if (hash == null) {
      hash = hasher.hash("decoy password that matches nothing");
      decoy = hash;
    }
    return hash;
  }

  private Optional<Account> find(String emailText) {
    try {
      return accounts.findByEmail(new Email(emailText));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<SignedInPerson> person(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return sessions
        .findByHash(OpaqueSecret.hash(token))
        .filter(s -> !s.isExpiredAt(now))
        .flatMap(
            s ->
                accounts
                    .findById(s.account())
                    .filter(Account::isActive)
                    .map(
                        a ->
                            new SignedInPerson(
                                s,
                                new Actor(
                                    a.id(),
                                    a.email(),
                                    a.role(),
                                    WEB_CLIENT,
                                    new GrantId(
                                        UUID.nameUUIDFromBytes(
                                            s.tokenHash().getBytes(StandardCharsets.UTF_8))),
                                    Set.of()))));
  }

  @Override
  public void signOut(String token) {
    if (token != null && !token.isEmpty() && token.length() <= 100) {
      sessions.delete(OpaqueSecret.hash(token));
    }
  }

  private synchronized Duration waitFor(String key, Instant now) {
    Failures f = failures.get(key);
    if (f == null || f.count() < FREE_FAILURES) {
      return Duration.ZERO;
    }
    Duration backoff = Duration.ofSeconds(1L << Math.min(16, f.count() - FREE_FAILURES));
    if (backoff.compareTo(MAX_WAIT) > 0) {
      backoff = MAX_WAIT;
    }
    Instant allowedAt = f.lastAt().plus(backoff);
    return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
  }

  private synchronized void recordFailure(String key, Instant now) {
    Failures f = failures.get(key);
    failures.put(key, new Failures(f == null ? 1 : f.count() + 1, now));
  }

  private synchronized void clearFailures(String key) {
    failures.remove(key);
  }
}
