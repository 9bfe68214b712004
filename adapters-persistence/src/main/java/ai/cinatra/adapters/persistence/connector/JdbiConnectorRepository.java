package ai.cinatra.adapters.persistence.connector;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.JsonColumns;
import ai.cinatra.application.port.out.ConnectorRepository;
import ai.cinatra.domain.connector.Connector;
import ai.cinatra.domain.connector.ConnectorOperation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The ConnectorRepository through JDBI; the secret arrives and stays sealed. */
public final class JdbiConnectorRepository implements ConnectorRepository {

  /** SQL for the connectors table. */
  @RegisterConstructorMapper(Row.class)
  public interface Dao {
    @SqlUpdate(
        "insert into connectors (name, kind, url, secret_header, sealed_secret, operations, created_at) values"
            + " (:name, :kind, :url, :secretHeader, :sealedSecret, :operations, :createdAt)")
    void insert(@BindMethods Row row);

    @SqlUpdate("delete from connectors where name = :name")
    void delete(String name);

    @SqlQuery(
        "select name, kind, url, secret_header, sealed_secret, operations, created_at from connectors where"
            + " name = :name")
    Optional<Row> find(String name);

    @SqlQuery(
        "select name, kind, url, secret_header, sealed_secret, operations, created_at from connectors order"
            + " by name")
    List<Row> all();
  }

  /** A row of connectors. */
  public record Row(
      String name,
      String kind,
      String url,
      String secretHeader,
      String sealedSecret,
      String operations,
      Instant createdAt) {}

  private final Jdbi jdbi;

  public JdbiConnectorRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void save(Connector c) {
    JdbiTransactions.inOne(
        jdbi,
        () -> {
          dao().delete(c.name());
          dao()
              .insert(
                  new Row(
                      c.name(),
                      c.kind().name(),
                      c.url().toString(),
                      c.secretHeader().orElse(null),
                      c.sealedSecret().orElse(null),
                      c.kind() == Connector.Kind.WEBHOOK
                          ? null
                          : JsonColumns.write(
                              Map.of(
                                  "operations",
                                  c.operations().stream()
                                      .map(ConnectorOperation::toDocument)
                                      .toList())),
                      c.createdAt()));
          return null;
        });
  }

  @Override
  public Optional<Connector> find(String name) {
    return dao().find(name).map(JdbiConnectorRepository::connector);
  }

  @Override
  public List<Connector> list() {
    return dao().all().stream().map(JdbiConnectorRepository::connector).toList();
  }

  private Dao dao() {
    return JdbiTransactions.dao(jdbi, Dao.class);
  }

  private static Connector connector(Row r) {
    return new Connector(
        r.name(),
        Connector.Kind.valueOf(r.kind()),
        URI.create(r.url()),
        Optional.ofNullable(r.secretHeader()),
        Optional.ofNullable(r.sealedSecret()),
        r.operations() == null
            ? List.of()
            : ((List<?>) JsonColumns.read(r.operations()).get("operations"))
                .stream().map(ConnectorOperation::parse).toList(),
        r.createdAt());
  }
}
