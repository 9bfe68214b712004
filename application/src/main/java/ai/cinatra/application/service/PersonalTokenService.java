package ai.cinatra.application.service;

import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.in.access.PersonalTokensUseCase;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.PersonalAccessTokenRepository;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.PersonalAccessToken;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OpaqueSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Personal access tokens for admin scripts: 256 random bits behind a recognisable prefix, stored as
 * a SHA-256 hash; a token acts as its account with the account's current role.
 */
public final class PersonalTokenService implements PersonalTokensUseCase {
  /** The client every token acts through, as audit entries show it. */
  public static final ClientId CLIENT = new ClientId("personal-token");

  /** How often a token's last use is written at most: scripts may call many times a second. */
  static final Duration MARK_USED_EVERY = Duration.ofMinutes(1);

  private final PersonalAccessTokenRepository tokens;
  private final AccountRepository accounts;
  private final Clock clock;

  public PersonalTokenService(
      PersonalAccessTokenRepository tokens, AccountRepository accounts, Clock clock) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public CreatedToken create(Email email, String name) {
    Account account = accountOf(email);
    if (!account.isActive() || account.role() != Role.ADMIN) {
      throw new ForbiddenException(
          "personal access tokens are for active admin accounts; " + email + " is not one");
    }
    String secret = PersonalAccessToken.PREFIX + OpaqueSecret.generate();
    PersonalAccessToken token =
        new PersonalAccessToken(
            UUID.randomUUID(),
            account.id(),
            name,
            OpaqueSecret.hash(secret),
            clock.instant(),
            Optional.empty(),
            Optional.empty());
    tokens.add(token);
    return new CreatedToken(token, secret);
  }

  @Override
  public List<PersonalAccessToken> list(Email email) {
    return tokens.listOf(accountOf(email).id());
  }

  @Override
  public boolean revoke(UUID id) {
    return tokens.revoke(id, clock.instant());
  }

  @Override
  public Actor authenticate(String secret) {
    if (secret == null || !secret.startsWith(PersonalAccessToken.PREFIX) || secret.length() > 100) {
      throw new OAuthException(Code.INVALID_TOKEN, "not a personal access token");
    }
    PersonalAccessToken token =
        tokens
            .findByHash(OpaqueSecret.hash(secret))
            .filter(PersonalAccessToken::isActive)
            .orElseThrow(
                () ->
                    new OAuthException(
                        Code.INVALID_TOKEN, "the personal access token is unknown or revoked"));
    Account account =
        accounts
            .findById(token.account())
            .filter(Account::isActive)
            .orElseThrow(() -> new OAuthException(Code.INVALID_TOKEN, "the account is disabled"));
    Instant now = clock.instant();
    if (token.lastUsedAt().map(t -> t.plus(MARK_USED_EVERY).isBefore(now)).orElse(true)) {
      tokens.markUsed(token.id(), now);
    }
    return new Actor(
        account.id(), account.email(), account.role(), CLIENT, new GrantId(token.id()), Set.of());
  }

  private Account accountOf(Email email) {
    return accounts
        .findByEmail(email)
        .orElseThrow(() -> new NotFoundException("no account with email " + email));
  }
}
