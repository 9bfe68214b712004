package ai.cinatra.adapters.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.service.SigningKeyService;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.oauth.AccessTokenClaims;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class Jose4jAccessTokensTest {
  private static final String ISSUER = "https://cinatra.example.org";
  private static final String AUDIENCE = ISSUER + "/api/mcp";
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private final KeyEncryption encryption = new KeyEncryption(new byte[32]);
  private final MapSigningKeyRepository store = new MapSigningKeyRepository();
  private final MovableClock clock = new MovableClock(NOW);
  private final Jose4jAccessTokens tokens = new Jose4jAccessTokens(store, encryption, clock, HOUR);
  private final SigningKeyService keyService =
      new SigningKeyService(store, new RsaSigningKeyFactory(encryption), tokens, clock);

  Jose4jAccessTokensTest() {
    keyService.ensureActiveKey();
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static AccessTokenClaims claims(Instant issuedAt) {
    return new AccessTokenClaims(
        ISSUER,
        AccountId.random(),
        AUDIENCE,
        new ClientId("mcp_client"),
        GrantId.random(),
        Set.of("mcp:connect", "offline_access"),
        issuedAt,
        issuedAt.plus(HOUR),
        "jti-1");
  }

  private static void assertInvalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.code().wireName()).isEqualTo("invalid_token"))
        .hasMessage(message);
  }

  private static String header(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
  }

  @Test
  void issueThenVerify_returnsTheSameClaims_inAnRfc9068Token() {
    AccessTokenClaims claims = claims(NOW);

    String token = tokens.issue(claims);

    assertThat(header(token))
        .contains("\"typ\":\"at+jwt\"")
        .contains("\"alg\":\"RS256\"")
        .contains("\"kid\"");
    assertThat(tokens.verify(token, ISSUER, AUDIENCE, NOW.plusSeconds(60))).isEqualTo(claims);
  }

  @Test
  void expiredToken_isRefusedAfterTheSkew() {
    String token = tokens.issue(claims(NOW));

    assertThat(tokens.verify(token, ISSUER, AUDIENCE, NOW.plus(HOUR).plusSeconds(20))).isNotNull();
    assertInvalid(
        () -> tokens.verify(token, ISSUER, AUDIENCE, NOW.plus(HOUR).plusSeconds(31)),
        "the access token has expired");
  }

  @Test
  void wrongAudienceOrIssuer_isRefused_sayingTheAddressChanged() {
    String token = tokens.issue(claims(NOW));
    String moved =
        "the access token was issued for another address of this server: its public URL"
            + " changed, so reconnect the client to sign in again";
    // Verified once for the right address first: the remembered verification must not serve
    // another.
    assertThat(tokens.verify(token, ISSUER, AUDIENCE, NOW)).isNotNull();

    assertInvalid(() -> tokens.verify(token, ISSUER, "https://other.example/api/mcp", NOW), moved);
    assertInvalid(() -> tokens.verify(token, "https://other.example", AUDIENCE, NOW), moved);
  }

  @Test
  void tokenSignedByAnotherServersKey_isRefused() {
    MapSigningKeyRepository otherStore = new MapSigningKeyRepository();
    Jose4jAccessTokens other = new Jose4jAccessTokens(otherStore, encryption, clock, HOUR);
    new SigningKeyService(otherStore, new RsaSigningKeyFactory(encryption), other, clock)
        .ensureActiveKey();
    String foreign = other.issue(claims(NOW));

    assertInvalid(
        () -> tokens.verify(foreign, ISSUER, AUDIENCE, NOW), "the access token is not valid here");
  }

  @Test
  void algNoneAndHmacTokens_areRefused() throws Exception {
    String genuine = tokens.issue(claims(NOW));
    String payload = genuine.split("\\.")[1];
    String noneHeader =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));

    assertInvalid(
        () -> tokens.verify(noneHeader + "." + payload + ".", ISSUER, AUDIENCE, NOW),
        "the access token is not valid here");

    JsonWebSignature hmac = new JsonWebSignature();
    hmac.setPayload(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    hmac.setHeader("typ", "at+jwt");
    hmac.setKey(new HmacKey(tokens.publicJwks().getBytes(StandardCharsets.UTF_8)));
    String forged = hmac.getCompactSerialization();
    assertInvalid(
        () -> tokens.verify(forged, ISSUER, AUDIENCE, NOW), "the access token is not valid here");
  }

  @Test
  void tamperedPayload_isRefused() {
    String token = tokens.issue(claims(NOW));
    String[] parts = token.split("\\.");
    String otherPayload = tokens.issue(claims(NOW.plusSeconds(5))).split("\\.")[1];

    assertInvalid(
        () -> tokens.verify(parts[0] + "." + otherPayload + "." + parts[2], ISSUER, AUDIENCE, NOW),
        "the access token is not valid here");
    assertInvalid(
        () -> tokens.verify("not.a.jwt", ISSUER, AUDIENCE, NOW),
        "the access token is not valid here");
    assertInvalid(() -> tokens.verify("", ISSUER, AUDIENCE, NOW), "no usable bearer token");
  }

  @Test
  void rotation_keepsEarlierTokensValidUntilTheyExpire_andJwksListsBothKeys() {
    String before = tokens.issue(claims(NOW));
    String oldKid = store.list().get(0).keyId();

    String newKid = keyService.rotateSigningKey();
    clock.now = NOW.plus(Duration.ofMinutes(2));
    String after = tokens.issue(claims(clock.now));

    assertThat(header(after)).contains(newKid);
    assertThat(tokens.verify(before, ISSUER, AUDIENCE, clock.now)).isNotNull();
    assertThat(tokens.publicJwks()).contains(oldKid).contains(newKid).doesNotContain("\"d\"");

    // Once the old key has been retired for longer than a token lives, it verifies nothing.
    clock.now = NOW.plus(HOUR).plus(Duration.ofMinutes(2));
    assertThat(tokens.publicJwks()).doesNotContain(oldKid).contains(newKid);
  }

  @Test
  void aKeyRotatedOnAnotherNode_isPickedUpWhenATokenNamesIt() {
    Jose4jAccessTokens otherNode = new Jose4jAccessTokens(store, encryption, clock, HOUR);
    tokens.verify(tokens.issue(claims(NOW)), ISSUER, AUDIENCE, NOW);

    keyService.rotateSigningKey();
    clock.now = NOW.plusSeconds(10);
    String fromOtherNode = otherNode.issue(claims(clock.now));

    assertThat(tokens.verify(fromOtherNode, ISSUER, AUDIENCE, clock.now)).isNotNull();
  }

  @Test
  void privateKeysAreStoredEncrypted_andAnotherKeyEncryptionKeyCannotOpenThem() {
    byte[] otherKek = new byte[32];
    otherKek[0] = 1;
    Jose4jAccessTokens wrongKek =
        new Jose4jAccessTokens(store, new KeyEncryption(otherKek), clock, HOUR);

    assertThat(store.list().get(0).encryptedPrivateKey()).startsWith("v1:");
    assertThatThrownBy(() -> wrongKek.issue(claims(NOW)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be decrypted");
  }
}
