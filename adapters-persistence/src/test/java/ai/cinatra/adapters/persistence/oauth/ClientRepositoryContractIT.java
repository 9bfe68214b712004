package ai.cinatra.adapters.persistence.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.RedirectUri;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The ClientRepository contract, run against H2 and against the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class ClientRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;
  private ClientRepository clients;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind);
    clients = new JdbiClientRepository(database.jdbi());
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  private static OAuthClient publicClient(Instant createdAt) {
    return new OAuthClient(
        ClientId.random(),
        Optional.of("Claude"),
        List.of(
            new RedirectUri("https://claude.ai/api/mcp/auth_callback"),
            new RedirectUri("http://localhost:1234/oauth/callback")),
        TokenEndpointAuthMethod.NONE,
        Optional.empty(),
        createdAt,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void add_thenFind_returnsEqualClient() {
    OAuthClient pub = publicClient(T0);
    OAuthClient confidential =
        new OAuthClient(
            ClientId.random(),
            Optional.empty(),
            List.of(new RedirectUri("cursor://anysphere.cursor-retrieval/cb")),
            TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
            Optional.of(OpaqueSecret.hash("s")),
            T0,
            Optional.empty(),
            Optional.empty());

    clients.add(pub);
    clients.add(confidential);

    assertThat(clients.findById(pub.id())).contains(pub);
    assertThat(clients.findById(confidential.id())).contains(confidential);
    assertThat(clients.findById(ClientId.random())).isEmpty();
  }

  @Test
  void metadataDocumentClient_isStoredByItsUrl_andReplacedKeepingItsHistory() {
    String url = "https://claude.ai/oauth/mcp-oauth-client-metadata";
    OAuthClient first =
        OAuthClient.fromMetadataDocument(
            new ClientId(url),
            Optional.of("Claude"),
            List.of(new RedirectUri("https://claude.ai/api/mcp/auth_callback")),
            T0,
            T0.plusSeconds(300));
    clients.saveFromMetadataDocument(first);
    assertThat(clients.findById(new ClientId(url))).contains(first);
    clients.markUsed(first.id(), T0.plusSeconds(10));

    OAuthClient refetched =
        OAuthClient.fromMetadataDocument(
            new ClientId(url),
            Optional.of("Claude (new)"),
            List.of(
                new RedirectUri("https://claude.ai/api/mcp/auth_callback"),
                new RedirectUri("https://claude.com/api/mcp/auth_callback")),
            T0.plusSeconds(400),
            T0.plusSeconds(700));
    clients.saveFromMetadataDocument(refetched);

    OAuthClient stored = clients.findById(new ClientId(url)).orElseThrow();
    assertThat(stored.name()).contains("Claude (new)");
    assertThat(stored.redirectUris()).hasSize(2);
    assertThat(stored.metadataValidUntil()).contains(T0.plusSeconds(700));
    assertThat(stored.createdAt()).isEqualTo(T0);
    assertThat(stored.lastUsedAt()).contains(T0.plusSeconds(10));
  }

  @Test
  void registrationToken_isKeptAsGiven_andDeleteRemovesTheClient() {
    OAuthClient client = publicClient(T0);
    OAuthClient other = publicClient(T0);
    clients.add(client);
    clients.add(other);
    assertThat(clients.findRegistrationToken(client.id())).isEmpty();

    clients.saveRegistrationToken(client.id(), "hash-of-the-token");

    assertThat(clients.findRegistrationToken(client.id())).contains("hash-of-the-token");
    assertThat(clients.delete(client.id())).isTrue();
    assertThat(clients.findById(client.id())).isEmpty();
    assertThat(clients.findRegistrationToken(client.id())).isEmpty();
    assertThat(clients.delete(client.id())).isFalse();
    assertThat(clients.findById(other.id())).isPresent();
  }

  @Test
  void markUsed_recordsTheTime() {
    OAuthClient client = publicClient(T0);
    clients.add(client);

    clients.markUsed(client.id(), T0.plusSeconds(5));

    assertThat(clients.findById(client.id()).orElseThrow().lastUsedAt())
        .contains(T0.plusSeconds(5));
  }

  @Test
  void deleteNeverUsed_keepsUsedAndRecentClients() {
    OAuthClient abandoned = publicClient(T0);
    OAuthClient used = publicClient(T0);
    OAuthClient recent = publicClient(T0.plusSeconds(3600));
    clients.add(abandoned);
    clients.add(used);
    clients.add(recent);
    clients.markUsed(used.id(), T0.plusSeconds(1));

    assertThat(clients.deleteNeverUsedRegisteredBefore(T0.plusSeconds(60))).isEqualTo(1);

    assertThat(clients.findById(abandoned.id())).isEmpty();
    assertThat(clients.findById(used.id())).isPresent();
    assertThat(clients.findById(recent.id())).isPresent();
  }
}
