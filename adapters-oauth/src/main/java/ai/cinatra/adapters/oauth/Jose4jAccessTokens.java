package ai.cinatra.adapters.oauth;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.out.AccessTokens;
import ai.cinatra.application.port.out.SigningKeyRepository;
import ai.cinatra.application.port.out.StoredSigningKey;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.AccessTokenClaims;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.Scopes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * RS256 JWT access tokens (RFC 9068) with jose4j. Keys come from the shared store: the newest
 * active one signs; active keys and those retired less than {@code retiredKeysVerifyFor} ago
 * verify, so a rotation never rejects a token before it expires. Other nodes' rotations are picked
 * up within a minute, or at once when a token names a key this node has not seen.
 */
public final class Jose4jAccessTokens implements AccessTokens {
  static final String TOKEN_TYPE = "at+jwt";
  private static final int CLOCK_SKEW_SECONDS = 30;
  private static final Duration REFRESH_EVERY = Duration.ofMinutes(1);
  private static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(5);

  private final SigningKeyRepository store;
  private final KeyEncryption encryption;
  private final Clock clock;
  private final Duration retiredKeysVerifyFor;

  /** Verified tokens remembered at most; past that the memory starts over. */
  static final int MAX_VERIFIED = 10_000;

  private volatile Keys keys;

  /**
   * Tokens whose signature and claims were checked, by the SHA-256 of token, issuer and audience: a
   * client sends the same token for days, and an RSA verification costs more than the rest of a
   * request. Valid only with the keys it was checked under (those are reloaded every minute).
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(AccessTokenClaims claims, Keys keys) {}

  /** The keys as loaded at one moment: the signer and everything that verifies. */
  private record Keys(RsaJsonWebKey signer, JsonWebKeySet verifiers, Instant loadedAt) {}

  public Jose4jAccessTokens(
      SigningKeyRepository store,
      KeyEncryption encryption,
      Clock clock,
      Duration retiredKeysVerifyFor) {
    this.store = store;
    this.encryption = encryption;
    this.clock = clock;
    this.retiredKeysVerifyFor = retiredKeysVerifyFor;
  }

  @Override
  public String issue(AccessTokenClaims claims) {
    RsaJsonWebKey signer = current().signer();
    JwtClaims jwt = new JwtClaims();
    jwt.setIssuer(claims.issuer());
    jwt.setSubject(claims.subject().toString());
    jwt.setAudience(claims.audience());
    jwt.setClaim("client_id", claims.clientId().value());
    jwt.setClaim("scope", Scopes.format(claims.scopes()));
    jwt.setClaim("grant_id", claims.grantId().toString());
    jwt.setIssuedAt(NumericDate.fromSeconds(claims.issuedAt().getEpochSecond()));
    jwt.setExpirationTime(NumericDate.fromSeconds(claims.expiresAt().getEpochSecond()));
    jwt.setJwtId(claims.tokenId());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(jwt.toJson());
    jws.setKey(signer.getPrivateKey());
    jws.setKeyIdHeaderValue(signer.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", TOKEN_TYPE);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("signing with an RSA key cannot fail", e);
    }
  }

  @Override
  public AccessTokenClaims verify(String token, String issuer, String audience, Instant now) {
    if (token == null || token.isBlank() || token.length() > 8192) {
      throw invalid("no usable bearer token");
    }
    Keys keys = current();
    String memo = memoKey(token, issuer, audience);
    Verified seen = verified.get(memo);
    // Only before the expiry itself; after it (within the clock skew allowed) the full check
    // judges.
    if (seen != null && seen.keys() == keys && now.isBefore(seen.claims().expiresAt())) {
      return seen.claims();
    }
    AccessTokenClaims claims = checkFully(keys, token, issuer, audience, now);
    if (verified.size() >= MAX_VERIFIED) {
      verified.clear();
    }
    verified.put(memo, new Verified(claims, keys));
    return claims;
  }

  private AccessTokenClaims checkFully(
      Keys keys, String token, String issuer, String audience, Instant now) {
    try {
      return toClaims(consumer(keys, issuer, audience, now).processToClaims(token));
    } catch (InvalidJwtException first) {
      // A key rotated on another node: reload once, then judge again.
      Keys reloaded = reloadIfStale(MIN_RELOAD_GAP);
      if (reloaded != null) {
        try {
          return toClaims(consumer(reloaded, issuer, audience, now).processToClaims(token));
        } catch (InvalidJwtException second) {
          throw invalid(describe(second));
        }
      }
      throw invalid(describe(first));
    }
  }

  private static String memoKey(String token, String issuer, String audience) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(token.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(issuer.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(audience.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String publicJwks() {
    return current().verifiers().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  private JwtConsumer consumer(Keys keys, String issuer, String audience, Instant now) {
    return new JwtConsumerBuilder()
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .setRequireSubject()
        .setRequireJwtId()
        .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
        .setEvaluationTime(NumericDate.fromSeconds(now.getEpochSecond()))
        .setExpectedIssuer(issuer)
        .setExpectedAudience(audience)
        .setExpectedType(true, TOKEN_TYPE)
        // Only what we issue: never "none", never HMAC with a public key as its secret.
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
        .setVerificationKeyResolver(
            new JwksVerificationKeyResolver(keys.verifiers().getJsonWebKeys()))
        .build();
  }

  private static AccessTokenClaims toClaims(JwtClaims jwt) throws InvalidJwtException {
    try {
      return new AccessTokenClaims(
          jwt.getIssuer(),
          AccountId.parse(jwt.getSubject()),
          jwt.getAudience().get(0),
          new ClientId(jwt.getStringClaimValue("client_id")),
          GrantId.parse(jwt.getStringClaimValue("grant_id")),
          new LinkedHashSet<>(
              Arrays.asList(String.valueOf(jwt.getStringClaimValue("scope")).split(" "))),
          Instant.ofEpochSecond(jwt.getIssuedAt().getValue()),
          Instant.ofEpochSecond(jwt.getExpirationTime().getValue()),
          jwt.getJwtId());
    } catch (MalformedClaimException | InvalidValueException | IndexOutOfBoundsException e) {
      throw new InvalidJwtException("malformed claims", List.of(), null);
    }
  }

  private static String describe(InvalidJwtException e) {
    if (e.hasExpired()) {
      return "the access token has expired";
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
      return "the access token was issued for another address of this server: its public URL"
          + " changed, so reconnect the client to sign in again";
    }
    return "the access token is not valid here";
  }

  private static OAuthException invalid(String message) {
    return new OAuthException(Code.INVALID_TOKEN, message);
  }

  private Keys current() {
    Keys loaded = keys;
    if (loaded == null || loaded.loadedAt().plus(REFRESH_EVERY).isBefore(clock.instant())) {
      Keys fresh = reloadIfStale(Duration.ZERO);
      return fresh != null ? fresh : keys;
    }
    return loaded;
  }

  /** Reloads from the store unless the last load is younger than {@code minAge}; null if not. */
  private synchronized Keys reloadIfStale(Duration minAge) {
    Keys loaded = keys;
    Instant now = clock.instant();
    if (loaded != null && loaded.loadedAt().plus(minAge).isAfter(now)) {
      return null;
    }
    keys = load(now);
    return keys;
  }

  private Keys load(Instant now) {
    List<JsonWebKey> verifiers = new ArrayList<>();
    RsaJsonWebKey signer = null;
    Map<String, StoredSigningKey> seen = new LinkedHashMap<>();
    for (StoredSigningKey stored : store.list()) {
      seen.put(stored.keyId(), stored);
      boolean verifies =
          stored.retiredAt().map(at -> at.plus(retiredKeysVerifyFor).isAfter(now)).orElse(true);
      if (!verifies) {
        continue;
      }
      RsaJsonWebKey jwk = toJwk(stored);
      verifiers.add(jwk);
      if (signer == null && stored.isActive()) {
        signer = jwk;
      }
    }
    if (signer == null) {
      throw new IllegalStateException(
          "no active signing key; run `keys rotate` or restart the server");
    }
    return new Keys(signer, new JsonWebKeySet(verifiers), now);
  }

  private RsaJsonWebKey toJwk(StoredSigningKey stored) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      PublicKey publicKey =
          rsa.generatePublic(
              new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey())));
      RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(publicKey);
      jwk.setKeyId(stored.keyId());
      jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      jwk.setUse("sig");
      if (stored.isActive()) {
        PrivateKey privateKey =
            rsa.generatePrivate(
                new PKCS8EncodedKeySpec(
                    encryption.decrypt(stored.encryptedPrivateKey(), stored.keyId())));
        jwk.setPrivateKey(privateKey);
      }
      return jwk;
    } catch (GeneralSecurityException | JoseException e) {
      throw new IllegalStateException("signing key " + stored.keyId() + " is corrupt", e);
    }
  }
}
