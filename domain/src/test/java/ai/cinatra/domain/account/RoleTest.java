package ai.cinatra.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void eachRoleIncludesTheOnesBelowIt() {
    assertThat(Role.ADMIN.includes(Role.MEMBER)).isTrue();
    assertThat(Role.ADMIN.includes(Role.VIEWER)).isTrue();
    assertThat(Role.MEMBER.includes(Role.VIEWER)).isTrue();
    assertThat(Role.MEMBER.includes(Role.ADMIN)).isFalse();
    assertThat(Role.VIEWER.includes(Role.MEMBER)).isFalse();
    assertThat(Role.VIEWER.includes(Role.VIEWER)).isTrue();
  }

  @Test
  void parsesWireNamesIgnoringCase() {
    assertThat(Role.parse("admin")).isEqualTo(Role.ADMIN);
    assertThat(Role.parse(" Member ")).isEqualTo(Role.MEMBER);
    assertThat(Role.VIEWER.wireName()).isEqualTo("viewer");
  }

  @Test
  void refusesUnknownRoleNamingTheValidOnes() {
    assertThatThrownBy(() -> Role.parse("owner"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("unknown role 'owner'; expected one of viewer, member, admin");
    assertThatThrownBy(() -> Role.parse(null)).isInstanceOf(InvalidValueException.class);
  }
}
