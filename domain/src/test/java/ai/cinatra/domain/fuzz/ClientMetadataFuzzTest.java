package ai.cinatra.domain.fuzz;

import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientIdUrl;
import ai.cinatra.domain.oauth.ClientMetadataDocument;
import ai.cinatra.domain.oauth.OAuthClient;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Client-id URLs and client metadata documents (what a client registers by): any id and any
 * document fields are refused with a reason or become a public client, never a crash.
 */
class ClientMetadataFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void anyClientIdAndDocument(FuzzedDataProvider data) {
    boolean allowLoopback = data.consumeBoolean();
    String clientId = data.consumeString(300);
    Map<String, Object> json = new HashMap<>();
    json.put("client_id", data.consumeBoolean() ? clientId : data.consumeString(300));
    List<Object> redirects = new ArrayList<>();
    int count = data.consumeInt(0, 12);
    for (int i = 0; i < count; i++) {
      redirects.add(data.consumeBoolean() ? data.consumeString(200) : data.consumeInt());
    }
    json.put("redirect_uris", redirects);
    if (data.consumeBoolean()) {
      json.put("client_name", data.consumeString(250));
    }
    if (data.consumeBoolean()) {
      json.put("token_endpoint_auth_method", data.consumeString(30));
    }
    if (data.consumeBoolean()) {
      json.put("grant_types", List.of(data.consumeString(30)));
    }
    try {
      ClientIdUrl url = ClientIdUrl.parse(clientId, allowLoopback);
      OAuthClient client =
          ClientMetadataDocument.check(url, json)
              .toClient(Instant.EPOCH, Instant.EPOCH.plusSeconds(300));
      if (client.authMethod().isConfidential() || !client.id().value().equals(clientId)) {
        throw new AssertionError("a document made a confidential or renamed client");
      }
      client.verifiedHost();
      OAuthClient.isClaude(client.id(), client.name());
    } catch (InvalidValueException refused) {
      // Refused with a reason the client is told.
    }
  }
}
