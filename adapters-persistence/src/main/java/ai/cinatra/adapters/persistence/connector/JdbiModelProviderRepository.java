package ai.cinatra.adapters.persistence.connector;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.application.port.out.ModelProviderRepository;
import ai.cinatra.domain.connector.ModelProvider;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The one model provider, in a one-row table; the key stays sealed. */
public final class JdbiModelProviderRepository implements ModelProviderRepository {

  /** SQL for the model_provider table. */
  @RegisterConstructorMapper(Row.class)
  public interface Dao {
    @SqlUpdate("delete from model_provider")
    void clear();

    @SqlUpdate(
        "insert into model_provider (id, base_url, model, sealed_key, updated_at) values (1,"
            + " :baseUrl, :model, :sealedKey, :updatedAt)")
    void insert(@BindMethods Row row);

    @SqlQuery("select base_url, model, sealed_key, updated_at from model_provider where id = 1")
    Optional<Row> find();
  }

  /** The row of model_provider. */
  public record Row(String baseUrl, String model, String sealedKey, Instant updatedAt) {}

  private final Jdbi jdbi;

  public JdbiModelProviderRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void save(ModelProvider p) {
    JdbiTransactions.inOne(
        jdbi,
        () -> {
          dao().clear();
          dao()
              .insert(
                  new Row(
                      p.baseUrl().toString(),
                      p.model(),
                      p.sealedKey().orElse(null),
                      p.updatedAt()));
          return null;
        });
  }

  @Override
  public Optional<ModelProvider> find() {
    return dao()
        .find()
        .map(
            r ->
                new ModelProvider(
                    URI.create(r.baseUrl()),
                    r.model(),
                    Optional.ofNullable(r.sealedKey()),
                    r.updatedAt()));
  }

  private Dao dao() {
    return JdbiTransactions.dao(jdbi, Dao.class);
  }
}
