package ai.cinatra.domain.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ConnectorOperationTest {
  private static final URI BASE = URI.create("https://api.example.org:8443/v1/");

  private static ConnectorOperation op(String method, String path, List<String> required) {
    return ConnectorOperation.parse(
        Map.of(
            "name",
            "op",
            "method",
            method,
            "path",
            path,
            "inputSchema",
            Map.of("type", "object", "required", required)));
  }

  @Property(tries = 500)
  void anyPathValue_staysOneSegmentBelowTheBase_onTheSameHost(@ForAll String value) {
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    Assume.that(
        !value.isEmpty()
            && !value.equals(".")
            && !value.contains("/")
            && !value.contains("\\")
            && !value.contains("..")
            && !lower.contains("%2f")
            && !lower.contains("%5c")
            && !lower.contains("%2e"));
    var call = op("GET", "/items/{id}/detail", List.of("id")).resolve(BASE, Map.of("id", value));
    assertThat(call.uri().getHost()).isEqualTo("api.example.org");
    assertThat(call.uri().getPort()).isEqualTo(8443);
    assertThat(call.uri().getRawPath()).startsWith("/v1/items/").endsWith("/detail");
    String segment =
        call.uri()
            .getRawPath()
            .substring(
                "/v1/items/".length(), call.uri().getRawPath().length() - "/detail".length());
    assertThat(segment).doesNotContain("/", "?", "#");
    assertThat(call.uri().getRawQuery()).isNull();
  }

  @Test
  void getsPutTheRestInTheQuery_postsInTheBody() {
    var get = op("GET", "/search", List.of()).resolve(BASE, Map.of("q", "a&b=c"));
    assertThat(get.uri().toString())
        .isEqualTo("https://api.example.org:8443/v1/search?q=a%26b%3Dc");
    assertThat(get.body()).isEmpty();
    var post = op("POST", "/items/{id}", List.of("id")).resolve(BASE, Map.of("id", 5, "name", "x"));
    assertThat(post.uri().toString()).isEqualTo("https://api.example.org:8443/v1/items/5");
    assertThat(post.body()).contains(Map.of("name", "x"));
  }

  @Test
  void badTemplatesAndValues_areRefusedSayingWhy() {
    assertThatThrownBy(() -> op("GET", "/a/{id}", List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("{id} must be listed in inputSchema.required");
    for (String path : List.of("a", "/a/../b", "/a?x=1", "/a#f", "//evil.example/x", "/%2e%2e/x")) {
      assertThatThrownBy(() -> op("GET", path, List.of()))
          .as(path)
          .isInstanceOf(InvalidValueException.class);
    }
    assertThatThrownBy(() -> op("TRACE", "/a", List.of())).hasMessageContaining("method is one of");
    var get = op("GET", "/a/{id}", List.of("id"));
    assertThatThrownBy(() -> get.resolve(BASE, Map.of("id", ".."))).hasMessageContaining("'..'");
    for (String climbing :
        List.of("a/b", "../admin", "x..y", "a%2Fb", "a%2fb", "%2e%2e", "a\\b", "a%5Cb")) {
      assertThatThrownBy(() -> get.resolve(BASE, Map.of("id", climbing)))
          .as(climbing)
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("may not contain '/'");
    }
    assertThatThrownBy(() -> get.resolve(BASE, Map.of("id", Map.of("x", 1))))
        .hasMessageContaining("string or number");
    assertThatThrownBy(() -> op("GET", "/a", List.of()).resolve(BASE, Map.of("n", Map.of())))
        .hasMessageContaining("in the query");
  }

  @Test
  void connectors_checkTheirNameKindAndOperations() {
    Map<String, Object> base =
        Map.of("name", "objects_x", "kind", "webhook", "url", "https://h.example/x");
    assertThatThrownBy(() -> Connector.parse(base, Optional.empty(), Instant.EPOCH))
        .hasMessageContaining("would shadow ours");
    assertThatThrownBy(
            () ->
                Connector.parse(
                    Map.of(
                        "name",
                        "crm",
                        "kind",
                        "http_api",
                        "url",
                        "https://h.example/",
                        "operations",
                        List.of()),
                    Optional.empty(),
                    Instant.EPOCH))
        .hasMessageContaining("declares 1 to 50 operations");
    assertThatThrownBy(
            () ->
                Connector.parse(
                    Map.of("name", "crm", "kind", "ftp", "url", "https://h.example/"),
                    Optional.empty(),
                    Instant.EPOCH))
        .hasMessageContaining("webhook or http_api");
    Connector webhook =
        Connector.parse(
            Map.of("name", "hook", "kind", "webhook", "url", "https://h.example/x"),
            Optional.empty(),
            Instant.EPOCH);
    assertThat(webhook.operations()).extracting(ConnectorOperation::name).containsExactly("post");
    assertThat(webhook.operation("post").orElseThrow().resolve(webhook.url(), Map.of("a", 1)).uri())
        .isEqualTo(URI.create("https://h.example/x"));
  }

  @Test
  void boundsBite_pathLength_descriptionLength_operationCount() {
    assertThatThrownBy(() -> op("GET", "/" + "a".repeat(500), List.of()))
        .isInstanceOf(InvalidValueException.class);
    assertThat(op("GET", "/" + "a".repeat(499), List.of()).pathTemplate()).hasSize(500);
    assertThatThrownBy(
            () ->
                ConnectorOperation.parse(
                    Map.of("name", "op", "method", "GET", "description", "d".repeat(1001))))
        .hasMessageContaining("at most 1000");
    List<Object> many = new java.util.ArrayList<>();
    for (int i = 0; i <= Connector.MAX_OPERATIONS; i++) {
      many.add(Map.of("name", "op" + i, "method", "GET", "path", "/x"));
    }
    assertThatThrownBy(
            () ->
                Connector.parse(
                    Map.of(
                        "name",
                        "crm",
                        "kind",
                        "http_api",
                        "url",
                        "https://h.example/",
                        "operations",
                        many),
                    Optional.empty(),
                    Instant.EPOCH))
        .hasMessageContaining("1 to 50 operations");
  }
}
