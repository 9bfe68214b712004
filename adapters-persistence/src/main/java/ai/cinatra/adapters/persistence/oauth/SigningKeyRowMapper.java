package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.application.port.out.StoredSigningKey;
import java.time.Instant;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps signing key rows to the stored key record and back. */
@Mapper
public interface SigningKeyRowMapper {
  SigningKeyRowMapper INSTANCE = Mappers.getMapper(SigningKeyRowMapper.class);

  StoredSigningKey toStored(SigningKeyRow row);

  SigningKeyRow toRow(StoredSigningKey key);

  default Optional<Instant> optionalInstant(Instant value) {
    return Optional.ofNullable(value);
  }

  default Instant instant(Optional<Instant> value) {
    return value.orElse(null);
  }
}
