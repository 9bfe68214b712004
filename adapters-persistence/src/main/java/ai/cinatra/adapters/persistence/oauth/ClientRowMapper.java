package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.RedirectUri;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps client rows to the domain record and back. */
@Mapper
public interface ClientRowMapper {
  ClientRowMapper INSTANCE = Mappers.getMapper(ClientRowMapper.class);

  OAuthClient toDomain(ClientRow row);

  ClientRow toRow(OAuthClient client);

  default ClientId clientId(String value) {
    return new ClientId(value);
  }

  default String clientId(ClientId id) {
    return id.value();
  }

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

  default Optional<String> optionalText(String value) {
    return Optional.ofNullable(value);
  }

  default String text(Optional<String> value) {
    return value.orElse(null);
  }

  default Optional<Instant> optionalInstant(Instant value) {
    return Optional.ofNullable(value);
  }

  default Instant instant(Optional<Instant> value) {
    return value.orElse(null);
  }
}
