package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.error.UpstreamException;
import ai.cinatra.application.fakes.Actors;
import ai.cinatra.application.fakes.DirectTransactions;
import ai.cinatra.application.fakes.InMemoryWorkspace;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.out.ConnectorRepository;
import ai.cinatra.application.port.out.SecretBox;
import ai.cinatra.application.port.out.remote.LanguageModel;
import ai.cinatra.application.port.out.remote.OutboundHttp;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.connector.Connector;
import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.time.Duration;
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
  private final List<LanguageModel.Question> asked = new ArrayList<>();
  private int status = 200;
  private int catalogChanges;
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
          request -> {
            sent.add(
                request.method()
                    + " "
                    + request.url()
                    + " "
                    + new java.util.TreeMap<>(request.headers())
                    + " "
                    + request.body().map(Object::toString).orElse("-")
                    + request.timeout().map(t -> " " + t).orElse(""));
            return new OutboundHttp.Reply(status, Map.of("ok", status < 300));
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
          question -> {
            asked.add(question);
            return "42";
          },
          audit,
          new DirectTransactions(),
          () -> catalogChanges++,
          new MutableClock(Instant.parse("2026-11-29T10:00:00Z")));

  private static Map<String, Object> webhook(String url, String secretHeader) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", "webhook");
    document.put("kind", "webhook");
    document.put("url", url);
    if (secretHeader != null) {
      document.put("secretHeader", secretHeader);
    }
    return document;
  }

  private static final Map<String, Object> TRACKER =
      Map.of(
          "name",
          "tracker",
          "kind",
          "http_api",
          "url",
          "https://tracker.example.org/api/v2/",
          "secretHeader",
          "Authorization",
          "operations",
          List.of(
              Map.of(
                  "name", "issue_get",
                  "method", "GET",
                  "path", "/projects/{project}/issues/{number}",
                  "inputSchema",
                      Map.of(
                          "type", "object",
                          "properties",
                              Map.of(
                                  "project", Map.of("type", "string"),
                                  "number", Map.of("type", "integer")),
                          "required", List.of("project", "number"))),
              Map.of(
                  "name",
                  "issue_create",
                  "method",
                  "POST",
                  "path",
                  "/projects/{project}/issues",
                  "inputSchema",
                  Map.of("type", "object", "required", List.of("project"))),
              Map.of(
                  "name", "issue_purge", "method", "DELETE", "path", "/issues", "enabled", false),
              Map.of(
                  "name",
                  "project_delete",
                  "method",
                  "DELETE",
                  "path",
                  "/projects/{project}",
                  "role",
                  "admin",
                  "inputSchema",
                  Map.of("type", "object", "required", List.of("project")))));

  @Test
  void aWebhook_isSentWithItsIdempotencyKeyAndSecret_whichIsSealedAtRest() {
    assertThat(
            connectors.configure(
                webhook("http://127.0.0.1:9/hook", "X-Secret"), Optional.of("s3cret")))
        .isTrue();
    assertThat(stored.get("webhook").sealedSecret()).contains("sealed:terc3s");
    assertThat(catalogChanges).isEqualTo(1);

    Map<String, Object> result =
        connectors.callConnector(
            "webhook", "post", Map.of("amount", 12), "run-1:notify", Duration.ofSeconds(7));
    assertThat(result).containsEntry("status", 200);
    assertThat(sent)
        .containsExactly(
            "POST http://127.0.0.1:9/hook {Idempotency-Key=run-1:notify, X-Secret=s3cret}"
                + " {amount=12} PT7S");
  }

  @Test
  void anHttpApi_fillsItsPathBelowTheBaseUrl_queryForGets_bodyForPosts_withItsSecret() {
    assertThat(connectors.configure(TRACKER, Optional.of("Bearer t0k"))).isTrue();
    connectors.call(
        Actors.of(Role.MEMBER),
        "tracker",
        "issue_get",
        Map.of("project", "a b?c#d", "number", 7, "expand", List.of("x", "y")));
    connectors.call(
        Actors.of(Role.MEMBER), "tracker", "issue_create", Map.of("project", "p", "title", "T"));
    assertThat(sent)
        .containsExactly(
            "GET https://tracker.example.org/api/v2/projects/a%20b%3Fc%23d/issues/7?expand=x&expand=y"
                + " {Authorization=Bearer t0k, Idempotency-Key=call:"
                + sent.get(0).split("Idempotency-Key=call:")[1].split("}")[0]
                + "} -",
            "POST https://tracker.example.org/api/v2/projects/p/issues {Authorization=Bearer t0k,"
                + " Idempotency-Key=call:"
                + sent.get(1).split("Idempotency-Key=call:")[1].split("}")[0]
                + "} {title=T}");
  }

  @Test
  void anAdminOnlyOperation_refusesMembers_andAPathValueMayNotClimb() {
    connectors.configure(TRACKER, Optional.of("Bearer t0k"));
    assertThatThrownBy(
            () ->
                connectors.call(
                    Actors.of(Role.MEMBER), "tracker", "project_delete", Map.of("project", "p")))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("for admins");
    connectors.call(Actors.of(Role.ADMIN), "tracker", "project_delete", Map.of("project", "p"));
    assertThatThrownBy(
            () ->
                connectors.call(
                    Actors.of(Role.ADMIN), "tracker", "project_delete", Map.of("project", "..")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("'..'");
    assertThat(sent)
        .singleElement()
        .satisfies(
            l -> assertThat(l).startsWith("DELETE https://tracker.example.org/api/v2/projects/p "));
    assertThat(audit.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .containsExactly(
            "tracker_project_delete:refused",
            "tracker_project_delete:ok",
            "tracker_project_delete:invalid");
  }

  @Test
  void installing_isForAdmins_audited_andASecretHeaderWithoutASecretIsRefused() {
    assertThatThrownBy(() -> connectors.install(Actors.of(Role.MEMBER), TRACKER, Optional.of("x")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> connectors.install(Actors.of(Role.ADMIN), TRACKER, Optional.empty()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("a secret header and a secret come together");
    Connector installed = connectors.install(Actors.of(Role.ADMIN), TRACKER, Optional.of("x"));
    assertThat(installed.operations()).hasSize(4);
    assertThat(stored).containsOnlyKeys("tracker");
    assertThat(catalogChanges).isEqualTo(1);
    assertThat(audit.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .containsExactly(
            "connectors_install:refused", "connectors_install:invalid", "connectors_install:ok");
    assertThatThrownBy(
            () -> connectors.call(Actors.of(Role.ADMIN), "tracker", "issue_purge", Map.of()))
        .hasMessageContaining("has no enabled operation issue_purge");
  }

  @Test
  void failures_sayWhatWentWrong() {
    connectors.configure(webhook("https://hooks.example.org/x", null), Optional.empty());
    status = 500;
    Duration t = Duration.ofSeconds(1);
    assertThatThrownBy(() -> connectors.callConnector("webhook", "post", Map.of(), "k", t))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("answered HTTP 500");
    assertThatThrownBy(() -> connectors.call(Actors.of(Role.MEMBER), "webhook", "post", Map.of()))
        .isInstanceOf(UpstreamException.class);
    assertThat(audit.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .as("the remote failed, not the caller's input")
        .containsExactly("webhook_post:upstream_failed");
    assertThatThrownBy(() -> connectors.callConnector("webhook", "delete", Map.of(), "k", t))
        .hasMessageContaining("has no enabled operation delete");
    assertThatThrownBy(() -> connectors.callConnector("nope", "post", Map.of(), "k", t))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> connectors.configure(webhook("ftp://x/y", null), Optional.empty()))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void toolCalls_needAMember_andAreAudited() {
    connectors.configure(webhook("https://hooks.example.org/x", null), Optional.empty());
    assertThatThrownBy(() -> connectors.call(Actors.of(Role.VIEWER), "webhook", "post", Map.of()))
        .isInstanceOf(ForbiddenException.class);
    connectors.call(Actors.of(Role.MEMBER), "webhook", "post", Map.of("a", 1));
    assertThat(connectors.list(Actors.of(Role.VIEWER))).hasSize(1);
    // The tool catalog reads them without a caller; the tools check the role when called.
    assertThat(connectors.configured()).extracting(c -> c.name()).containsExactly("webhook");
    assertThat(audit.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .containsExactly("webhook_post:refused", "webhook_post:ok");
    assertThat(sent).hasSize(1);
  }

  @Test
  void theModel_isAskedWithItsOpenedKey_andNothingWithoutOne() {
    assertThatThrownBy(() -> connectors.askModel("", "hi", Duration.ofSeconds(3)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no language model is configured");
    connectors.configureModel(URI.create("http://127.0.0.1:9/v1"), "small", Optional.of("sk-1"));
    assertThat(connectors.askModel("be brief", "the answer?", Duration.ofSeconds(3)))
        .isEqualTo("42");
    assertThat(asked)
        .containsExactly(
            new LanguageModel.Question(
                URI.create("http://127.0.0.1:9/v1"),
                "small",
                Optional.of("sk-1"),
                "be brief",
                "the answer?",
                Duration.ofSeconds(3)));
    assertThat(asked.get(0).toString()).doesNotContain("sk-1");
    assertThat(sent).as("the language model port makes its own calls").isEmpty();
  }
}
