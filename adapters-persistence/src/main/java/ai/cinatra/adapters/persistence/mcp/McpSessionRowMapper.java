package ai.cinatra.adapters.persistence.mcp;

import ai.cinatra.adapters.persistence.ValueMappings;
import ai.cinatra.adapters.persistence.mcp.McpSessionDao.SessionRow;
import ai.cinatra.domain.mcp.McpSession;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps MCP session rows to the domain record and back. */
@Mapper(uses = ValueMappings.class)
public interface McpSessionRowMapper {
  McpSessionRowMapper INSTANCE = Mappers.getMapper(McpSessionRowMapper.class);

  @Mapping(target = "account", source = "accountId")
  @Mapping(target = "client", source = "clientId")
  McpSession toSession(SessionRow row);

  @Mapping(target = "accountId", source = "account")
  @Mapping(target = "clientId", source = "client")
  SessionRow toRow(McpSession session);

  default Set<String> capabilities(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  default String capabilities(Set<String> capabilities) {
    return String.join(",", new TreeSet<>(capabilities));
  }
}
