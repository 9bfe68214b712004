package ai.cinatra.adapters.persistence.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The McpSessionRepository contract, run against H2 and against the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class McpSessionRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;
  private JdbiMcpSessionRepository sessions;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind);
    sessions = new JdbiMcpSessionRepository(database.jdbi());
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void add_find_count_end() {
    AccountId account = AccountId.random();
    McpSession first =
        new McpSession("h1", account, new ClientId("mcp_c"), "2025-11-25", T0, Optional.empty());
    McpSession second =
        new McpSession("h2", account, new ClientId("mcp_c"), "2025-06-18", T0, Optional.empty());
    sessions.add(first);
    sessions.add(second);

    assertThat(sessions.findByHash("h1")).contains(first);
    assertThat(sessions.findByHash("nope")).isEmpty();
    assertThat(sessions.countOpen(account, T0.minusSeconds(1))).isEqualTo(2);
    assertThat(sessions.countOpen(account, T0)).isZero();

    sessions.end("h1", T0.plusSeconds(5));
    sessions.end("h1", T0.plusSeconds(9));

    assertThat(sessions.findByHash("h1").orElseThrow().endedAt()).contains(T0.plusSeconds(5));
    assertThat(sessions.countOpen(account, T0.minusSeconds(1))).isEqualTo(1);
    assertThat(sessions.countOpen(AccountId.random(), T0.minusSeconds(1))).isZero();
  }
}
