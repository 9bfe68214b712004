package ai.cinatra.adapters.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCharacterInterceptorTest {

  private static OptionalInt find(String body) {
    return ControlCharacterInterceptor.find(body.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\\\"client_name\\\":\\\"a\\u0000b\\\"} | 0",
        "{\\\"n\\\":\\\"\\u001F\\\"} | 31",
        "{\\\"n\\\":\\\"\\u001b[31m\\\"} | 27",
        "email=a%00b&password=x | 0",
        "note=%1b | 27",
        "{\\\"n\\\":\\\"\\\\\\\\\\u0007\\\"} | 7"
      })
  void controlCharacters_areFound_inEverySpelling(String body, int expected) {
    assertThat(find(body)).hasValue(expected);
  }

  @org.junit.jupiter.api.Test
  void aRawControlByte_isFound() {
    assertThat(ControlCharacterInterceptor.find(new byte[] {'{', 0, '}'})).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"n\":\"tab\\tline\\nbreak\\r\"}",
        "{\"n\":\"\\u0009\\u000a\\u000D\"}",
        "{\"n\":\"literal \\\\u0000 text\"}", // an escaped backslash, then the text u0000
        "{\"n\":\"\\u00e9t\\u00E9 ✓\"}",
        "a=%09%0A%0D&b=%20%25",
        "{\"n\":\"50%\"}",
        "{\"n\":\"\\u00\"}"
      })
  void ordinaryText_passes(String body) {
    assertThat(find(body)).isEmpty();
  }
}
