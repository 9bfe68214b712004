import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ServerConnector;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Benchmark peer: the official MCP Java SDK's Streamable HTTP servlet transport (stateful sessions)
 * on Jetty 12, behind a jose4j filter that checks an RS256 JWT on every request, with one tool
 * (whoami). Writes a token it accepts to the given file.
 * Usage: java -cp ... Server PORT TOKEN_FILE
 */
public class Server {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String issuer = "http://127.0.0.1:" + port;
    String audience = issuer + "/mcp";
    RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
    key.setKeyId("peer");
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audience);
    claims.setSubject("bench");
    claims.setClaim("client_id", "bench");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(240);
    claims.setGeneratedJwtId();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue("peer");
    jws.setHeader("typ", "at+jwt");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    Files.writeString(Path.of(args[1]), jws.getCompactSerialization());
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireSubject()
            .setExpectedIssuer(issuer)
            .setExpectedAudience(audience)
            .setVerificationKey(key.getPublicKey())
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .build();

    JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(json)
            .mcpEndpoint("/mcp")
            .build();
    Tool whoami =
        Tool.builder()
            .name("whoami")
            .description("The account this client acts as.")
            .inputSchema(json, "{\"type\":\"object\",\"properties\":{}}")
            .build();
    McpServer.sync(transport)
        .serverInfo("java-sdk-peer", "1")
        .capabilities(ServerCapabilities.builder().tools(true).build())
        .tools(
            SyncToolSpecification.builder()
                .tool(whoami)
                .callHandler(
                    (exchange, request) ->
                        CallToolResult.builder()
                            .addTextContent("You are bench (member) through client bench.")
                            .structuredContent(
                                Map.of("accountId", "bench", "role", "member", "clientId", "bench"))
                            .build())
                .build())
        .build();

    org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder servlet = new ServletHolder(transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/mcp");
    Filter bearer =
        (ServletRequest request, ServletResponse response, FilterChain chain) -> {
          String header = ((HttpServletRequest) request).getHeader("Authorization");
          try {
            if (header == null || !header.startsWith("Bearer ")) {
              throw new IllegalArgumentException("no token");
            }
            consumer.processToClaims(header.substring(7));
          } catch (Exception e) {
            ((HttpServletResponse) response).sendError(401);
            return;
          }
          chain.doFilter(request, response);
        };
    FilterHolder filter = new FilterHolder(bearer);
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
    System.out.println("java-sdk-peer listening on " + port);
    server.join();
  }
}
