package ai.cinatra.adapters.persistence.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.Store;
import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.application.fakes.InMemoryMcpSessionRepository;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The McpSessionRepository contract, run against the in-memory fake, H2 and the real PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Store.class)
class McpSessionRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter Store store;

  private Optional<TestDatabase> database;
  private McpSessionRepository sessions;

  @BeforeEach
  void openDatabase() {
    database = store.open();
    sessions =
        database
            .<McpSessionRepository>map(d -> new JdbiMcpSessionRepository(d.jdbi()))
            .orElseGet(InMemoryMcpSessionRepository::new);
  }

  @AfterEach
  void dropDatabase() {
    database.ifPresent(TestDatabase::close);
  }

  @Test
  void add_find_count_end() {
    AccountId account = AccountId.random();
    McpSession first = session("h1", account, "2025-11-25", Set.of("sampling", "elicitation"));
    McpSession second = session("h2", account, "2025-06-18", Set.of());
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
    assertThat(sessions.listOpen(account, T0.minusSeconds(1))).containsExactly(second);
  }

  @Test
  void recordedUse_keepsASessionOpen_andTheLeastRecentlyUsedEndsFirst() {
    AccountId account = AccountId.random();
    sessions.add(session("old", account, "2025-11-25", Set.of()));
    sessions.add(session("busy", account, "2025-11-25", Set.of()));
    sessions.add(session("other", AccountId.random(), "2025-11-25", Set.of()));
    sessions.recordUse("old", T0.plusSeconds(60));
    sessions.recordUse("busy", T0.plusSeconds(120));

    assertThat(sessions.findByHash("busy").orElseThrow().lastUsedAt())
        .isEqualTo(T0.plusSeconds(120));
    assertThat(sessions.countOpen(account, T0.plusSeconds(90))).isEqualTo(1);
    assertThat(sessions.listAllOpen(T0.plusSeconds(90), 10))
        .extracting(McpSession::idHash)
        .containsExactly("busy");

    assertThat(sessions.endLeastRecentlyUsed(account, T0, T0.plusSeconds(200))).isTrue();
    assertThat(sessions.findByHash("old").orElseThrow().endedAt()).contains(T0.plusSeconds(200));
    assertThat(sessions.findByHash("busy").orElseThrow().endedAt()).isEmpty();
    assertThat(sessions.findByHash("other").orElseThrow().endedAt()).isEmpty();
    assertThat(sessions.endLeastRecentlyUsed(account, T0, T0.plusSeconds(300))).isTrue();
    assertThat(sessions.endLeastRecentlyUsed(account, T0, T0.plusSeconds(400))).isFalse();
  }

  @Test
  void logLevel_isStored() {
    sessions.add(session("h3", AccountId.random(), "2025-11-25", Set.of()));
    sessions.setLogLevel("h3", LogLevel.WARNING);
    assertThat(sessions.findByHash("h3").orElseThrow().logLevel()).isEqualTo(LogLevel.WARNING);
  }

  private static McpSession session(
      String hash, AccountId account, String version, Set<String> capabilities) {
    return new McpSession(
        hash,
        account,
        new ClientId("mcp_c"),
        version,
        capabilities,
        LogLevel.INFO,
        T0,
        T0,
        Optional.empty());
  }
}
