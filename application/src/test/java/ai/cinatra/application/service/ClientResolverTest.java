package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.fakes.InMemoryClientRepository;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.out.remote.ClientMetadataDocuments;
import ai.cinatra.domain.oauth.ClientIdUrl;
import ai.cinatra.domain.oauth.OAuthClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientResolverTest {
  static final String URL = "https://claude.ai/oauth/mcp-oauth-client-metadata";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final InMemoryClientRepository clients = new InMemoryClientRepository();
  private final List<String> fetched = new ArrayList<>();
  private Map<String, Object> document = claude();
  private Optional<Duration> maxAge = Optional.of(Duration.ofMinutes(10));
  private String failure;

  private final ClientMetadataDocuments documents =
      url -> {
        fetched.add(url.value());
        if (failure != null) {
          throw new ClientMetadataDocuments.FetchFailedException(failure);
        }
        return new ClientMetadataDocuments.Fetched(document, maxAge);
      };

  private final ClientResolver resolver = new ClientResolver(clients, documents, false, clock);

  private static Map<String, Object> claude() {
    Map<String, Object> json = new HashMap<>();
    json.put("client_id", URL);
    json.put("client_name", "Claude");
    json.put("redirect_uris", List.of("https://claude.ai/api/mcp/auth_callback"));
    json.put("token_endpoint_auth_method", "none");
    return json;
  }

  private OAuthClient resolve(String clientId) {
    return resolver.resolve(
        clientId, () -> new OAuthException(OAuthException.Code.INVALID_CLIENT, "unknown"));
  }

  @Test
  void document_isFetchedOnce_withinItsCacheLife_thenAgain() {
    OAuthClient first = resolve(URL);
    clock.advance(Duration.ofMinutes(9));
    resolve(URL);
    assertThat(fetched).hasSize(1);
    assertThat(first.name()).contains("Claude");

    clock.advance(Duration.ofMinutes(2));
    document.put("client_name", "Claude 2");
    assertThat(resolve(URL).name()).contains("Claude 2");
    assertThat(fetched).hasSize(2);
    assertThat(clients.all()).hasSize(1);
  }

  @Test
  void cacheLife_isBoundedBetween5MinutesAnd24Hours() {
    assertThat(ClientResolver.bounded(Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
    assertThat(ClientResolver.bounded(Duration.ofDays(30))).isEqualTo(Duration.ofHours(24));
    assertThat(ClientResolver.bounded(Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));

    maxAge = Optional.of(Duration.ofDays(365));
    resolve(URL);
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    resolve(URL);
    assertThat(fetched).hasSize(2);
  }

  @Test
  void noCachingHeaders_keepTheDocumentAnHour() {
    maxAge = Optional.empty();
    resolve(URL);
    clock.advance(Duration.ofMinutes(59));
    resolve(URL);
    assertThat(fetched).hasSize(1);
    clock.advance(Duration.ofMinutes(2));
    resolve(URL);
    assertThat(fetched).hasSize(2);
  }

  @Test
  void failedRefetch_afterExpiry_refusesTheClient_insteadOfUsingTheOldCopy() {
    resolve(URL);
    clock.advance(Duration.ofMinutes(11));
    failure = "claude.ai could not be reached";

    assertThatThrownBy(() -> resolve(URL))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.code()).isEqualTo(OAuthException.Code.INVALID_CLIENT))
        .hasMessageContaining("cannot be used: claude.ai could not be reached");
  }

  @Test
  void invalidDocument_refusesTheClient_andStoresNothing() {
    document.put("client_id", "https://claude.ai/other");

    assertThatThrownBy(() -> resolve(URL))
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("client_id must be exactly " + URL);
    assertThat(clients.all()).isEmpty();
  }

  @Test
  void malformedClientIdUrl_isInvalidRequest_andNothingIsFetched() {
    assertThatThrownBy(() -> resolve("http://example.org/client.json"))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.code()).isEqualTo(OAuthException.Code.INVALID_REQUEST))
        .hasMessageContaining("must use https");
    assertThatThrownBy(() -> resolve("https://example.org"))
        .hasMessageContaining("must have a path");
    assertThat(fetched).isEmpty();
  }

  @Test
  void registeredIds_areLookedUp_andUnknownOnesRefusedAsTheCallerSays() {
    assertThatThrownBy(() -> resolve("mcp_unknown")).hasMessage("unknown");
    assertThatThrownBy(() -> resolve("not an id!")).hasMessage("unknown");
    assertThat(fetched).isEmpty();
  }

  @Test
  void httpLoopback_isFetched_onlyWhenAllowed() {
    String local = "http://127.0.0.1:9999/client.json";
    document.put("client_id", local);
    assertThatThrownBy(() -> resolve(local)).hasMessageContaining("must use https");

    ClientResolver allowing = new ClientResolver(clients, documents, true, clock);
    assertThat(
            allowing
                .resolve(local, () -> new OAuthException(OAuthException.Code.INVALID_CLIENT, "x"))
                .id()
                .value())
        .isEqualTo(local);
    assertThat(ClientIdUrl.parse(local, true).isHttpLoopback()).isTrue();
  }
}
