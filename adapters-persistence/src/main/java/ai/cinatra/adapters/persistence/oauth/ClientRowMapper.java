package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.adapters.persistence.ValueMappings;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.RedirectUri;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps client rows to the domain record and back. */
@Mapper(uses = ValueMappings.class)
public interface ClientRowMapper {
  ClientRowMapper INSTANCE = Mappers.getMapper(ClientRowMapper.class);

  OAuthClient toDomain(ClientRow row);

  ClientRow toRow(OAuthClient client);

  default List<RedirectUri> redirectUris(String joined) {
    return Arrays.stream(joined.split("\n")).map(RedirectUri::new).toList();
  }

  default String redirectUris(List<RedirectUri> uris) {
    return uris.stream().map(RedirectUri::value).collect(Collectors.joining("\n"));
  }

  default TokenEndpointAuthMethod authMethod(String name) {
    return TokenEndpointAuthMethod.valueOf(name);
  }

  default String authMethod(TokenEndpointAuthMethod method) {
    return method.name();
  }
}
