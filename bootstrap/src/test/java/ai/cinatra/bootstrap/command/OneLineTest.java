package ai.cinatra.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

  @Test
  void keepsTheReasonAndDropsTheHintList() {
    String dropwizard =
        "config.yml has an error:\n  * Unrecognized field at: foo\n    Did you mean?:\n      - server\n";

    assertThat(OneLine.of(new RuntimeException(dropwizard)))
        .isEqualTo("error: config.yml has an error: Unrecognized field at: foo");
  }

  @Test
  void namesTheErrorWhenItHasNoMessage() {
    assertThat(OneLine.of(new IllegalStateException())).isEqualTo("error: IllegalStateException");
  }
}
