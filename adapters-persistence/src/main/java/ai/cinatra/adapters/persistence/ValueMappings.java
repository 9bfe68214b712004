package ai.cinatra.adapters.persistence;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Conversions between column types and domain values that every row mapper shares. */
public final class ValueMappings {

  public AccountId accountId(UUID value) {
    return new AccountId(value);
  }

  public UUID uuid(AccountId id) {
    return id.value();
  }

  public GrantId grantId(UUID value) {
    return new GrantId(value);
  }

  public UUID uuid(GrantId id) {
    return id.value();
  }

  public ClientId clientId(String value) {
    return new ClientId(value);
  }

  public String text(ClientId id) {
    return id.value();
  }

  public Optional<Instant> optionalInstant(Instant value) {
    return Optional.ofNullable(value);
  }

  public Instant instant(Optional<Instant> value) {
    return value.orElse(null);
  }

  public Optional<String> optionalText(String value) {
    return Optional.ofNullable(value);
  }

  public String text(Optional<String> value) {
    return value.orElse(null);
  }
}
