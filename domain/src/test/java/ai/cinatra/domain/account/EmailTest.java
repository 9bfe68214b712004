package ai.cinatra.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"a@b.c", "first.last+tag@example.org", "admin@localhost", "x_y@sub.example.co"})
  void acceptsOrdinaryAddresses(String text) {
    assertThat(new Email(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-an-email",
        "a@",
        "@b.c",
        "a b@c.d",
        "a@@b.c",
        "a@b@c.d",
        ".a@b.c",
        "a.@b.c",
        "a..b@c.d",
        "a@-b.c",
        "a@b..c"
      })
  void refusesMalformedAddresses(String text) {
    assertThatThrownBy(() -> new Email(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("not an email address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesBlank(String text) {
    assertThatThrownBy(() -> new Email(text)).hasMessage("email is required");
  }

  @org.junit.jupiter.api.Test
  void refusesNull() {
    assertThatThrownBy(() -> new Email(null)).hasMessage("email is required");
  }

  @org.junit.jupiter.api.Test
  void refusesOverlongAddress() {
    String local = "a".repeat(60);
    String domain = ("b".repeat(60) + ".").repeat(4) + "com";
    assertThatThrownBy(() -> new Email(local + "@" + domain))
        .hasMessageContaining("longer than 254");
  }

  @Property
  void normalisesCaseAndSurroundingBlanks(
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String local,
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String host) {
    Email email = new Email("  " + local + "@" + host + ".Example.ORG ");
    assertThat(email.value()).isEqualTo((local + "@" + host + ".example.org").toLowerCase());
    assertThat(new Email(email.value())).isEqualTo(email);
  }

  @Property
  void refusesAnythingWithoutAnAtSign(@ForAll @StringLength(max = 80) String text) {
    if (text.indexOf('@') >= 0) {
      return;
    }
    assertThatThrownBy(() -> new Email(text)).isInstanceOf(InvalidValueException.class);
  }
}
