package ai.cinatra.adapters.persistence.account;

import ai.cinatra.adapters.persistence.ValueMappings;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps account rows to the domain record and back. */
@Mapper(uses = ValueMappings.class)
public interface AccountRowMapper {
  AccountRowMapper INSTANCE = Mappers.getMapper(AccountRowMapper.class);

  Account toDomain(AccountRow row);

  AccountRow toRow(Account account);

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
