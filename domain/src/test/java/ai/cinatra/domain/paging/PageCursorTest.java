package ai.cinatra.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageCursorTest {
  @Test
  void aPosition_comesBackAsItWent_toTheNanosecond() {
    PageCursor.Position at =
        new PageCursor.Position(Instant.parse("2026-12-03T10:15:30.123456789Z"), "run-1");
    String cursor = PageCursor.encode(at);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(PageCursor.position(cursor)).isEqualTo(at);
  }

  @Test
  void parts_comeBackInOrder_andTheCountIsChecked() {
    assertThat(PageCursor.decode(PageCursor.encode("tool", "agent_run"), 2))
        .isEqualTo(List.of("tool", "agent_run"));
    assertThatThrownBy(() -> PageCursor.decode(PageCursor.encode("a", "b"), 3))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(PageCursor.INVALID);
  }

  @Test
  void anythingElse_isRefusedWithTheSameWords() {
    for (String bad :
        List.of(
            "not base64!",
            PageCursor.encode("x", "1", "id"),
            PageCursor.encode("1", "2", ""),
            PageCursor.encode("99999999999999999999", "0", "id"))) {
      assertThatThrownBy(() -> PageCursor.position(bad))
          .as(bad)
          .isInstanceOf(InvalidValueException.class)
          .hasMessage(PageCursor.INVALID);
    }
  }
}
