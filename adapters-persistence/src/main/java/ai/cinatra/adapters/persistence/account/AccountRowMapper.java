package ai.cinatra.adapters.persistence.account;

import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps account rows to the domain record and back. */
@Mapper
public interface AccountRowMapper {
  AccountRowMapper INSTANCE = Mappers.getMapper(AccountRowMapper.class);

  Account toDomain(AccountRow row);

  AccountRow toRow(Account account);

  default AccountId accountId(UUID value) {
    return new AccountId(value);
  }

  default UUID uuid(AccountId id) {
    return id.value();
  }

  default Email email(String value) {
    return new Email(value);
  }

  default String email(Email email) {
    return email.value();
  }

  default PasswordHash passwordHash(String encoded) {
    return new PasswordHash(encoded);
  }

  default String passwordHash(PasswordHash hash) {
    return hash.encoded();
  }
}
