package ai.cinatra.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  private static Actor actor(AccountId account, Role role) {
    return new Actor(
        account, new Email("a@b.c"), role, new ClientId("mcp_c"), GrantId.random(), Set.of());
  }

  private static AgentRun runOf(AccountId starter) {
    return AgentRun.queue(
        RunId.random(), new AgentId("a"), starter, Map.of(), Optional.empty(), Instant.EPOCH);
  }

  @Property
  void aRoleMayWhatItsRequiredRoleMay_andEveryHigherRoleToo(
      @ForAll Role role, @ForAll Primitive primitive, @ForAll Role higher) {
    boolean may = AccessPolicy.may(actor(AccountId.random(), role), primitive);
    assertThat(may).isEqualTo(role.compareTo(primitive.requiredRole()) >= 0);
    if (may && higher.compareTo(role) >= 0) {
      assertThat(AccessPolicy.may(actor(AccountId.random(), higher), primitive)).isTrue();
    }
  }

  @Property
  void runs_areSeenByTheirStarterAndByAdmins_only(@ForAll Role role, @ForAll boolean own) {
    AccountId viewer = AccountId.random();
    AgentRun run = runOf(own ? viewer : AccountId.random());
    boolean seen = AccessPolicy.maySee(actor(viewer, role), run);
    assertThat(seen).isEqualTo(role == Role.ADMIN || (own && role == Role.MEMBER));
  }

  @Test
  void viewers_readButNeverWrite() {
    Actor viewer = actor(AccountId.random(), Role.VIEWER);
    assertThat(
            java.util.Arrays.stream(Primitive.values())
                .filter(p -> AccessPolicy.may(viewer, p))
                .toList())
        .containsExactlyInAnyOrder(
            Primitive.WHOAMI,
            Primitive.AGENTS_READ,
            Primitive.OBJECTS_READ,
            Primitive.LISTS_READ,
            Primitive.CONNECTORS_READ,
            Primitive.CLIENTS_READ,
            Primitive.SETTINGS_READ);
  }
}
