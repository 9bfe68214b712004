package ai.cinatra.adapters.persistence.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.Store;
import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.application.fakes.InMemoryMcpMessageRepository;
import ai.cinatra.application.port.out.McpMessageRepository;
import ai.cinatra.domain.mcp.McpMessage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The McpMessageRepository contract, run against the in-memory fake, H2 and the real PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Store.class)
class McpMessageRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter Store store;

  private Optional<TestDatabase> database;
  private McpMessageRepository messages;

  @BeforeEach
  void openDatabase() {
    database = store.open();
    messages =
        database
            .<McpMessageRepository>map(d -> new JdbiMcpMessageRepository(d.jdbi()))
            .orElseGet(InMemoryMcpMessageRepository::new);
  }

  @AfterEach
  void dropDatabase() {
    database.ifPresent(TestDatabase::close);
  }

  private McpMessage append(String session, String stream, String payload, Instant at) {
    return messages.append(new McpMessage(0, session, stream, payload, false, at));
  }

  @Test
  void appendedMessages_getIncreasingIds_andReplayPerSessionAndStream() {
    McpMessage a = append("s1", "p1", "{\"n\":1}", T0);
    McpMessage b = append("s1", "p1", "{\"n\":2}", T0);
    append("s1", "p2", "{\"n\":3}", T0);
    append("s2", "p1", "{\"n\":4}", T0);
    McpMessage last = messages.append(new McpMessage(0, "s1", "p1", "{\"n\":5}", true, T0));

    assertThat(b.id()).isGreaterThan(a.id());
    assertThat(messages.after("s1", "p1", 0, 10)).containsExactly(a, b, last);
    assertThat(messages.after("s1", "p1", a.id(), 1)).containsExactly(b);
    assertThat(messages.after("s1", "p1", last.id(), 10)).isEmpty();
    assertThat(messages.after("s1", "p1", b.id(), 10).get(0).last()).isTrue();
    assertThat(messages.lastId("s1", "p1")).isEqualTo(last.id());
    assertThat(messages.lastId("s1", "none")).isZero();
  }

  @Test
  void deleteCreatedBefore_deletesOnlyOlderMessages() {
    append("s1", "p1", "{}", T0);
    McpMessage kept = append("s1", "p1", "{}", T0.plusSeconds(60));

    assertThat(messages.deleteCreatedBefore(T0.plusSeconds(1))).isEqualTo(1);
    assertThat(messages.after("s1", "p1", 0, 10)).containsExactly(kept);
  }
}
