package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.adapters.persistence.ValueMappings;
import ai.cinatra.adapters.persistence.oauth.GrantStoreDao.CodeRow;
import ai.cinatra.adapters.persistence.oauth.GrantStoreDao.GrantRow;
import ai.cinatra.adapters.persistence.oauth.GrantStoreDao.RefreshRow;
import ai.cinatra.domain.oauth.AuthorizationCode;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.Pkce;
import ai.cinatra.domain.oauth.RefreshToken;
import ai.cinatra.domain.oauth.Scopes;
import java.util.Arrays;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps grant, code and refresh token rows to domain records and back. */
@Mapper(uses = ValueMappings.class)
public interface GrantStoreRowMapper {
  GrantStoreRowMapper INSTANCE = Mappers.getMapper(GrantStoreRowMapper.class);

  @Mapping(target = "account", source = "accountId")
  @Mapping(target = "client", source = "clientId")
  Grant toGrant(GrantRow row);

  @Mapping(target = "accountId", source = "account")
  @Mapping(target = "clientId", source = "client")
  GrantRow toRow(Grant grant);

  @Mapping(target = "grant", source = "grantId")
  @Mapping(target = "client", source = "clientId")
  @Mapping(target = "pkce", source = "codeChallenge")
  AuthorizationCode toCode(CodeRow row);

  @Mapping(target = "grantId", source = "grant")
  @Mapping(target = "clientId", source = "client")
  @Mapping(target = "codeChallenge", source = "pkce")
  @Mapping(target = "consumedAt", ignore = true)
  CodeRow toRow(AuthorizationCode code);

  @Mapping(target = "grant", source = "grantId")
  RefreshToken toRefresh(RefreshRow row);

  @Mapping(target = "grantId", source = "grant")
  RefreshRow toRow(RefreshToken token);

  default Pkce pkce(String challenge) {
    return new Pkce(challenge);
  }

  default String text(Pkce pkce) {
    return pkce.challenge();
  }

  default Set<String> scopes(String joined) {
    return Set.copyOf(Arrays.asList(joined.split(" ")));
  }

  default String text(Set<String> scopes) {
    return Scopes.format(scopes);
  }
}
