package ai.cinatra.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** Limits of the OAuth server an operator may tune. */
public class OAuthSettings {
  /** Registrations one address may make at once; claude.ai registers on every connect. */
  @Min(1)
  @Max(10_000)
  private int registrationBurst = 60;

  /** How soon an address may register once more after using up its burst. */
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration registrationRefill = Duration.seconds(2);

  /** A client that registered but was never used within this time is deleted. */
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration abandonedClientAfter = Duration.hours(24);

  /** How often the deletion of abandoned clients runs. */
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration cleanupEvery = Duration.hours(1);

  /**
   * How long an access token lives; retired signing keys keep verifying for as long. Long, because
   * claude.ai often does not refresh (anthropics/claude-ai-mcp#247, #840) and a person would have
   * to reconnect whenever a token ran out; revocation does not wait for expiry, since every request
   * checks the grant and the account.
   */
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration accessTokenLifetime = Duration.days(30);

  /**
   * How long a refresh token may wait to be used; each use rotates it. Longer than an access token,
   * so a client that refreshes when its access token runs out still can.
   */
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration refreshTokenLifetime = Duration.days(90);

  /**
   * How long after a refresh the replaced refresh token may be presented once more (a client that
   * lost the response retrying); later, or a second time, it revokes the grant.
   */
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
  private Duration refreshRetryWindow = Duration.seconds(60);

  @JsonProperty
  public Duration getRefreshRetryWindow() {
    return refreshRetryWindow;
  }

  @JsonProperty
  public void setRefreshRetryWindow(Duration refreshRetryWindow) {
    this.refreshRetryWindow = refreshRetryWindow;
  }

  /** Client ID Metadata Documents: client_ids that are URLs of the client's own metadata. */
  @Valid @NotNull
  private ClientMetadataDocumentSettings clientMetadataDocuments =
      new ClientMetadataDocumentSettings();

  /** How client metadata documents may be fetched. */
  public static class ClientMetadataDocumentSettings {
    /**
     * Tests and local development only: also fetch documents from http://localhost and
     * http://127.0.0.1 client_ids. Never on in a real server (the log warns at start).
     */
    @JsonProperty public boolean allowHttpLoopback = false;

    /**
     * Offer metadata documents at all. Off, the metadata does not advertise them, so Claude
     * registers instead: for a server that cannot fetch claude.ai's document.
     */
    @JsonProperty public boolean enabled = true;
  }

  @JsonProperty
  public ClientMetadataDocumentSettings getClientMetadataDocuments() {
    return clientMetadataDocuments;
  }

  @JsonProperty
  public void setClientMetadataDocuments(ClientMetadataDocumentSettings settings) {
    this.clientMetadataDocuments = settings;
  }

  @JsonProperty
  public Duration getRefreshTokenLifetime() {
    return refreshTokenLifetime;
  }

  @JsonProperty
  public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
    this.refreshTokenLifetime = refreshTokenLifetime;
  }

  /**
   * The 256-bit key (BASE64) that encrypts signing keys at rest; every node needs the same one.
   * When empty, it is read from {@link #keyEncryptionKeyFile}, which is created on first start.
   */
  private String keyEncryptionKey = "";

  private String keyEncryptionKeyFile = "./data/key-encryption.key";

  @JsonProperty
  public Duration getAccessTokenLifetime() {
    return accessTokenLifetime;
  }

  @JsonProperty
  public void setAccessTokenLifetime(Duration accessTokenLifetime) {
    this.accessTokenLifetime = accessTokenLifetime;
  }

  @JsonProperty
  public void setKeyEncryptionKey(String keyEncryptionKey) {
    this.keyEncryptionKey = keyEncryptionKey == null ? "" : keyEncryptionKey.strip();
  }

  /** Not a JSON property: the key is never written back out. */
  public String keyEncryptionKey() {
    return keyEncryptionKey;
  }

  @JsonProperty
  public String getKeyEncryptionKeyFile() {
    return keyEncryptionKeyFile;
  }

  @JsonProperty
  public void setKeyEncryptionKeyFile(String keyEncryptionKeyFile) {
    this.keyEncryptionKeyFile = keyEncryptionKeyFile;
  }

  @JsonProperty
  public int getRegistrationBurst() {
    return registrationBurst;
  }

  @JsonProperty
  public void setRegistrationBurst(int registrationBurst) {
    this.registrationBurst = registrationBurst;
  }

  @JsonProperty
  public Duration getRegistrationRefill() {
    return registrationRefill;
  }

  @JsonProperty
  public void setRegistrationRefill(Duration registrationRefill) {
    this.registrationRefill = registrationRefill;
  }

  @JsonProperty
  public Duration getAbandonedClientAfter() {
    return abandonedClientAfter;
  }

  @JsonProperty
  public void setAbandonedClientAfter(Duration abandonedClientAfter) {
    this.abandonedClientAfter = abandonedClientAfter;
  }

  @JsonProperty
  public Duration getCleanupEvery() {
    return cleanupEvery;
  }

  @JsonProperty
  public void setCleanupEvery(Duration cleanupEvery) {
    this.cleanupEvery = cleanupEvery;
  }
}
