package ai.cinatra.adapters.persistence.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.application.port.out.SigningKeyRepository;
import ai.cinatra.application.port.out.StoredSigningKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The SigningKeyRepository contract, run against H2 and against the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class SigningKeyRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;
  private SigningKeyRepository keys;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind);
    keys = new JdbiSigningKeyRepository(database.jdbi());
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  private static StoredSigningKey key(String id, Instant createdAt) {
    return new StoredSigningKey(
        id,
        "RS256",
        "MIIBIjAN" + "A".repeat(380),
        "v1:" + "B".repeat(1600),
        createdAt,
        Optional.empty());
  }

  @Test
  void add_thenList_isNewestFirst() {
    StoredSigningKey older = key("k1", T0);
    StoredSigningKey newer = key("k2", T0.plusSeconds(60));
    keys.add(older);
    keys.add(newer);

    assertThat(keys.list()).containsExactly(newer, older);
  }

  @Test
  void retireAllExcept_retiresOnlyTheOtherActiveKeys() {
    keys.add(key("k1", T0));
    keys.add(key("k2", T0.plusSeconds(1)));
    keys.retireAllExcept("k2", T0.plusSeconds(2));
    keys.add(key("k3", T0.plusSeconds(3)));

    keys.retireAllExcept("k3", T0.plusSeconds(4));

    assertThat(keys.list())
        .extracting(StoredSigningKey::keyId, StoredSigningKey::retiredAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("k3", Optional.empty()),
            org.assertj.core.groups.Tuple.tuple("k2", Optional.of(T0.plusSeconds(4))),
            org.assertj.core.groups.Tuple.tuple("k1", Optional.of(T0.plusSeconds(2))));
  }
}
