package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.error.ApplicationExceptionMapper;
import ai.cinatra.adapters.http.error.ControlCharacterInterceptor;
import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.error.InvalidValueException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves /api/mcp as a plain servlet, as the official SDKs do: Jersey's per-request routing, filter
 * and provider look-ups and injection cost more CPU than a small tools/call itself (bench/
 * RESULTS.md). In order: the body's size, Host and Origin (DNS rebinding), the bearer token,
 * control characters in the body; then {@link McpProtocol} answers. Every refusal is JSON: a
 * JSON-RPC error, or the OAuth challenge for a missing or bad token.
 */
public final class McpServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(McpServlet.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer();
  private static final String JSON = "application/json";
  private static final String ALLOW = "GET, POST, DELETE, OPTIONS";

  /** Seconds a client is asked to wait when the database is out of reach. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final transient McpProtocol protocol;
  private final transient BearerAuthentication bearer;
  private final transient OriginGuard origins;
  private final transient Predicate<Throwable> outage;
  private final long maxRequestSize;

  /**
   * @param outage whether a failure means the database is out of reach (then 503 and Retry-After;
   *     told apart by the persistence adapter, which this module cannot see)
   */
  public McpServlet(
      McpProtocol protocol,
      BearerAuthentication bearer,
      ServerAddressQuery address,
      long maxRequestSize,
      Predicate<Throwable> outage) {
    this.protocol = protocol;
    this.bearer = bearer;
    this.origins = new OriginGuard(address);
    this.maxRequestSize = maxRequestSize;
    this.outage = outage;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    if ("OPTIONS".equals(method)) {
      response.setStatus(204);
      response.setHeader("Allow", ALLOW);
      return;
    }
    if (!"POST".equals(method) && !"GET".equals(method) && !"DELETE".equals(method)) {
      send(McpReply.empty(405).withHeader("Allow", ALLOW), request, response);
      return;
    }
    send(answer(method, request), request, response);
  }

  private McpReply answer(String method, HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxRequestSize) {
      return tooLarge();
    }
    Optional<String> refused =
        origins.refusal(request.getHeader("Host"), request.getHeader("Origin"));
    if (refused.isPresent()) {
      return McpReply.json(403, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, refused.get()));
    }
    Actor actor;
    try {
      actor = bearer.authenticate(request.getHeader("Authorization"));
    } catch (BearerChallenge challenge) {
      return McpReply.json(401, MAPPER.valueToTree(challenge.body()))
          .withHeader("WWW-Authenticate", challenge.wwwAuthenticate());
    }
    String sessionId = request.getHeader(McpProtocol.SESSION_HEADER);
    try {
      return switch (method) {
        case "POST" -> post(request, sessionId, actor);
        case "GET" ->
            protocol.stream(
                request.getHeader("MCP-Protocol-Version"),
                sessionId,
                request.getHeader("Last-Event-ID"),
                request.getHeader("Accept"),
                actor);
        default -> protocol.end(request.getHeader("MCP-Protocol-Version"), sessionId, actor);
      };
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  private McpReply post(HttpServletRequest request, String sessionId, Actor actor)
      throws IOException {
    byte[] body = body(request);
    if (body.length > maxRequestSize) {
      return tooLarge();
    }
    OptionalInt control = ControlCharacterInterceptor.find(body);
    if (control.isPresent()) {
      return McpReply.json(
          400,
          JsonRpc.error(
              null,
              JsonRpc.INVALID_REQUEST,
              ControlCharacterInterceptor.refusalMessage(control.getAsInt())));
    }
    return protocol.post(
        body,
        new McpHeaders(
            request.getHeader("MCP-Protocol-Version"),
            sessionId,
            request.getHeader("Accept"),
            request.getHeader("Mcp-Method"),
            request.getHeader("Mcp-Name")),
        actor);
  }

  /**
   * The body, read into an array of its declared length (readNBytes with a bound allocates 8 KiB
   * chunks and copies them: a quarter of the bytes a small call allocated); a chunked body is read
   * up to one byte past the limit, so an oversized one is seen.
   */
  private byte[] body(HttpServletRequest request) throws IOException {
    InputStream in = request.getInputStream();
    long declared = request.getContentLengthLong(); // at most the limit: checked first
    if (declared < 0) {
      return in.readNBytes((int) Math.min(maxRequestSize + 1, Integer.MAX_VALUE - 8));
    }
    byte[] body = new byte[(int) declared];
    int read = in.readNBytes(body, 0, body.length);
    return read == body.length ? body : Arrays.copyOf(body, read);
  }

  private McpReply tooLarge() {
    return McpReply.json(
        413,
        JsonRpc.error(
            null,
            JsonRpc.INVALID_REQUEST,
            "the request body is larger than " + maxRequestSize + " bytes"));
  }

  /** A failure no layer below turned into an answer: said as JSON-RPC, never as a stack trace. */
  private McpReply failure(RuntimeException failure) {
    if (failure instanceof InvalidValueException) {
      return McpReply.json(400, JsonRpc.error(null, JsonRpc.INVALID_PARAMS, failure.getMessage()));
    }
    if (failure instanceof ApplicationException known) {
      return McpReply.json(
          ApplicationExceptionMapper.statusOf(known).getStatusCode(),
          JsonRpc.error(null, JsonRpc.INVALID_REQUEST, failure.getMessage()));
    }
    if (outage.test(failure)) {
      LOG.warn("the database is unreachable: {}", failure.toString());
      return McpReply.json(
              503,
              JsonRpc.error(
                  null,
                  JsonRpc.SERVER_BUSY,
                  "the database is unreachable for the moment; retry in "
                      + RETRY_AFTER_SECONDS
                      + " s"))
          .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
    LOG.error("MCP request failed {}", id, failure);
    return McpReply.json(
        500,
        JsonRpc.error(
            null,
            JsonRpc.INTERNAL_ERROR,
            "There was an error processing your request. It has been logged (ID " + id + ")."));
  }

  private static void send(McpReply reply, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(reply.status());
    reply.headers().forEach(response::setHeader);
    if (reply.stream() != null) {
      response.setContentType(McpProtocol.EVENT_STREAM);
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Accel-Buffering", "no"); // nginx-style proxies: do not hold events back
      reply.stream().sink().attach(request, response);
    } else if (reply.body() != null) {
      byte[] bytes = WRITER.writeValueAsBytes(reply.body());
      response.setContentType(JSON);
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }
}
