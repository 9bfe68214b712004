package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.error.ControlCharacterInterceptor;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The first steps of every MCP request over any body: the control-character check, JSON parsing
 * under the endpoint's depth and length limits, and the JSON-RPC envelope check (single message or
 * batch element) — each ends in a refusal or a message to dispatch, never an exception.
 */
class JsonRpcEnvelopeFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(262_144).build());
  }

  @FuzzTest(maxDuration = "5s")
  void anyBody(FuzzedDataProvider data) {
    byte[] body = data.consumeRemainingAsBytes();
    if (ControlCharacterInterceptor.find(body).isPresent()) {
      return;
    }
    JsonNode message;
    try {
      message = JSON.readTree(body);
    } catch (JsonProcessingException refused) {
      return;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    if (message != null && message.isArray()) {
      message.forEach(McpProtocol::envelopeFault);
    } else {
      McpProtocol.envelopeFault(message);
    }
  }
}
