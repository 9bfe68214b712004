package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseSettingsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db/cinatra | jdbc:postgresql://db/cinatra",
        "jdbc:postgresql://db/cinatra?user=c&password=s3cret&ssl=true | jdbc:postgresql://db/cinatra?user=c&password=***&ssl=true",
        "jdbc:postgresql://db/cinatra?PASSWORD=s3cret | jdbc:postgresql://db/cinatra?PASSWORD=***",
        "jdbc:postgresql://bob:s3cret@db:5432/cinatra | jdbc:postgresql://bob:***@db:5432/cinatra",
        "jdbc:postgresql://bob@db/cinatra | jdbc:postgresql://bob@db/cinatra",
        "jdbc:h2:file:./data/cinatra;MODE=PostgreSQL;PASSWORD=s3cret | jdbc:h2:file:./data/cinatra;MODE=PostgreSQL;PASSWORD=***"
      })
  void redact_hidesEveryPasswordAndKeepsTheRest(String url, String redacted) {
    assertThat(DatabaseSettings.redact(url)).isEqualTo(redacted).doesNotContain("s3cret");
  }
}
