package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.fakes.Actors;
import ai.cinatra.application.fakes.DirectTransactions;
import ai.cinatra.application.fakes.InMemoryWorkspace;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.out.ConnectorRepository;
import ai.cinatra.application.port.out.OutboundHttp;
import ai.cinatra.application.port.out.SecretBox;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.connector.Connector;
import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorServiceTest {
  private final Map<String, Connector> stored = new LinkedHashMap<>();
  private final List<String> sent = new ArrayList<>();
  private int status = 200;
  private final InMemoryWorkspace audit = new InMemoryWorkspace();
  private final ConnectorService connectors =
      new ConnectorService(
          new ConnectorRepository() {
            @Override
            public void save(Connector connector) {
              stored.put(connector.name(), connector);
            }

            @Override
            public Optional<Connector> find(String name) {
              return Optional.ofNullable(stored.get(name));
            }

            @Override
            public List<Connector> list() {
              return new ArrayList<>(stored.values());
            }
          },
          new SecretBox() {
            @Override
            public String seal(String secret) {
              return "sealed:" + new StringBuilder(secret).reverse();
            }

            @Override
            public String open(String sealed) {
              return new StringBuilder(sealed.substring("sealed:".length())).reverse().toString();
            }
          },
          (url, headers, body) -> {
            sent.add(url + " " + new java.util.TreeMap<>(headers) + " " + body);
            return new OutboundHttp.Reply(
                status,
                url.getPath().endsWith("/chat/completions")
                    ? Map.of("choices", List.of(Map.of("message", Map.of("content", "42"))))
                    : Map.of("ok", status < 300));
          },
          new ai.cinatra.application.port.out.ModelProviderRepository() {
            private ai.cinatra.domain.connector.ModelProvider provider;

            @Override
            public void save(ai.cinatra.domain.connector.ModelProvider p) {
              provider = p;
            }

            @Override
            public Optional<ai.cinatra.domain.connector.ModelProvider> find() {
              return Optional.ofNullable(provider);
            }
          },
          audit,
          new DirectTransactions(),
          new MutableClock(Instant.parse("2026-11-29T10:00:00Z")));

  private static Actor actor(Role role) {
    return Actors.of(role);
  }

  @Test
  void aWebhook_isSentWithItsIdempotencyKeyAndSecret_whichIsSealedAtRest() {
    assertThat(
            connectors.configureWebhook(
                "webhook",
                URI.create("http://127.0.0.1:9/hook"),
                Optional.of("X-Secret"),
                Optional.of("s3cret")))
        .isTrue();
    assertThat(stored.get("webhook").sealedSecret()).contains("sealed:terc3s");

    Map<String, Object> result =
        connectors.callConnector("webhook", "post", Map.of("amount", 12), "run-1:notify");
    assertThat(result).containsEntry("status", 200);
    assertThat(sent)
        .containsExactly(
            "http://127.0.0.1:9/hook {Idempotency-Key=run-1:notify, X-Secret=s3cret} {amount=12}");
  }

  @Test
  void failures_sayWhatWentWrong() {
    connectors.configureWebhook(
        "webhook", URI.create("https://hooks.example.org/x"), Optional.empty(), Optional.empty());
    status = 500;
    assertThatThrownBy(() -> connectors.callConnector("webhook", "post", Map.of(), "k"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("answered HTTP 500");
    assertThatThrownBy(() -> connectors.callConnector("webhook", "delete", Map.of(), "k"))
        .hasMessageContaining("has no operation delete");
    assertThatThrownBy(() -> connectors.callConnector("nope", "post", Map.of(), "k"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                connectors.configureWebhook(
                    "webhook", URI.create("ftp://x/y"), Optional.empty(), Optional.empty()))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void toolCalls_needAMember_andAreAudited() {
    connectors.configureWebhook(
        "webhook", URI.create("https://hooks.example.org/x"), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> connectors.call(actor(Role.VIEWER), "webhook", "post", Map.of()))
        .isInstanceOf(ForbiddenException.class);
    connectors.call(actor(Role.MEMBER), "webhook", "post", Map.of("a", 1));
    assertThat(connectors.list(actor(Role.VIEWER))).hasSize(1);
    assertThat(audit.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .containsExactly("webhook_post:refused", "webhook_post:ok");
    assertThat(sent).hasSize(1);
  }

  @Test
  void theModel_isAskedOverChatCompletions_withItsSealedKey_andNothingWithoutOne() {
    assertThatThrownBy(() -> connectors.askModel("", "hi"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no language model is configured");
    connectors.configureModel(URI.create("http://127.0.0.1:9/v1"), "small", Optional.of("sk-1"));
    assertThat(connectors.askModel("be brief", "the answer?")).isEqualTo("42");
    assertThat(sent)
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "http://127.0.0.1:9/v1/chat/completions {Authorization=Bearer sk-1}")
                    .contains("model=small", "role=system", "content=the answer?"));
  }
}
