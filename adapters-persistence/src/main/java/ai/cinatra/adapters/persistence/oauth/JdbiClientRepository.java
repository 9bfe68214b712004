package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.ConnectedClient;
import ai.cinatra.domain.oauth.OAuthClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The ClientRepository on a relational database through JDBI. */
public final class JdbiClientRepository implements ClientRepository {
  private final Jdbi jdbi;
  private final ClientDao dao;
  private final ClientRowMapper mapper = ClientRowMapper.INSTANCE;

  public JdbiClientRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.dao = jdbi.onDemand(ClientDao.class);
  }

  @Override
  public void add(OAuthClient client) {
    dao.insert(mapper.toRow(client));
  }

  @Override
  public Optional<OAuthClient> findById(ClientId id) {
    return dao.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public void saveFromMetadataDocument(OAuthClient client) {
    ClientRow row = mapper.toRow(client);
    if (dao.updateFromDocument(row) > 0) {
      return;
    }
    try {
      dao.insert(row);
    } catch (UnableToExecuteStatementException e) {
      // Another node stored the same document at the same moment: store ours over it.
      if (dao.updateFromDocument(row) == 0) {
        throw e;
      }
    }
  }

  @Override
  public void markUsed(ClientId id, Instant at) {
    dao.markUsed(id.value(), at);
  }

  @Override
  public void saveRegistrationToken(ClientId id, String tokenHash) {
    dao.saveRegistrationToken(id.value(), tokenHash);
  }

  @Override
  public Optional<String> findRegistrationToken(ClientId id) {
    return dao.findRegistrationToken(id.value());
  }

  @Override
  public boolean delete(ClientId id) {
    return dao.delete(id.value()) > 0;
  }

  @Override
  public int deleteNeverUsedRegisteredBefore(Instant cutoff) {
    return dao.deleteNeverUsedRegisteredBefore(cutoff);
  }

  @Override
  public List<ConnectedClient> listConnected(
      Optional<String> nameContains, boolean claudeOnly, Optional<ClientId> after, int limit) {
    return connected(nameContains, claudeOnly, after, Optional.empty(), limit);
  }

  @Override
  public Optional<ConnectedClient> findConnected(ClientId id) {
    return connected(Optional.empty(), false, Optional.empty(), Optional.of(id), 1).stream()
        .findFirst();
  }

  private List<ConnectedClient> connected(
      Optional<String> nameContains,
      boolean claudeOnly,
      Optional<ClientId> after,
      Optional<ClientId> only,
      int limit) {
    return jdbi.withHandle(
        h -> {
          StringBuilder sql =
              new StringBuilder("select " + ClientDao.COLUMNS + " from oauth_clients where 1 = 1");
          nameContains.ifPresent(n -> sql.append(" and lower(name) like :pattern escape '\\'"));
          if (claudeOnly) {
            // OAuthClient.isClaude: a document on a Claude host, or a name saying "claude".
            sql.append(" and (lower(name) like '%claude%'");
            OAuthClient.CLAUDE_HOSTS.stream()
                .sorted()
                .forEach(host -> sql.append(" or id like 'https://").append(host).append("/%'"));
            sql.append(")");
          }
          after.ifPresent(a -> sql.append(" and id > :after"));
          only.ifPresent(a -> sql.append(" and id = :only"));
          sql.append(" order by id fetch first :limit rows only");
          var query = h.createQuery(sql.toString()).bind("limit", limit);
          nameContains.ifPresent(n -> query.bind("pattern", "%" + likeEscaped(n) + "%"));
          after.ifPresent(a -> query.bind("after", a.value()));
          only.ifPresent(a -> query.bind("only", a.value()));
          List<ClientRow> rows = query.map(ConstructorMapper.of(ClientRow.class)).list();
          if (rows.isEmpty()) {
            return List.<ConnectedClient>of();
          }
          Map<String, List<ConnectedClient.Connection>> connections = new HashMap<>();
          h.createQuery(
                  "select g.client_id, g.account_id, a.email, min(g.created_at) as since from"
                      + " grants g join accounts a on a.id = g.account_id where g.revoked_at is"
                      + " null and g.client_id in (<ids>) group by g.client_id, g.account_id,"
                      + " a.email order by since")
              .bindList("ids", rows.stream().map(ClientRow::id).toList())
              .map(
                  (rs, ctx) -> {
                    connections
                        .computeIfAbsent(rs.getString("client_id"), k -> new ArrayList<>())
                        .add(
                            new ConnectedClient.Connection(
                                new AccountId(rs.getObject("account_id", UUID.class)),
                                new Email(rs.getString("email")),
                                rs.getObject("since", OffsetDateTime.class).toInstant()));
                    return 0;
                  })
              .list();
          return rows.stream()
              .map(
                  r ->
                      new ConnectedClient(
                          new ClientId(r.id()),
                          Optional.ofNullable(r.name()),
                          r.createdAt(),
                          Optional.ofNullable(r.lastUsedAt()),
                          connections.getOrDefault(r.id(), List.of())))
              .toList();
        });
  }

  private static String likeEscaped(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\")
        .replace("%", "\\%")
        .replace("_", "\\_");
  }
}
