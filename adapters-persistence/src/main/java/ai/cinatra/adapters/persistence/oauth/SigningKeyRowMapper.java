package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.adapters.persistence.ValueMappings;
import ai.cinatra.application.port.out.StoredSigningKey;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps signing key rows to the stored key record and back. */
@Mapper(uses = ValueMappings.class)
public interface SigningKeyRowMapper {
  SigningKeyRowMapper INSTANCE = Mappers.getMapper(SigningKeyRowMapper.class);

  StoredSigningKey toStored(SigningKeyRow row);

  SigningKeyRow toRow(StoredSigningKey key);
}
