package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.domain.oauth.Scopes;
import ai.cinatra.domain.oauth.ServerAddress;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovery: protected resource metadata (RFC 9728) for /api/mcp and authorization server metadata
 * (RFC 8414, also at the OpenID path that some clients try first).
 */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public final class DiscoveryResource {
  private final ServerAddressQuery address;
  private final boolean offersMetadataDocuments;

  public DiscoveryResource(ServerAddressQuery address) {
    this(address, true);
  }

  /**
   * @param offersMetadataDocuments whether client_id_metadata_document_supported is advertised:
   *     claude.ai uses a metadata document whenever it is, and registers only when it is not
   */
  public DiscoveryResource(ServerAddressQuery address, boolean offersMetadataDocuments) {
    this.address = address;
    this.offersMetadataDocuments = offersMetadataDocuments;
  }

  @GET
  @Path("oauth-protected-resource/api/mcp")
  public Map<String, Object> protectedResourceForMcp() {
    return protectedResource();
  }

  @GET
  @Path("oauth-protected-resource")
  public Map<String, Object> protectedResource() {
    ServerAddress server = address.current();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resource", server.mcpResource());
    metadata.put("authorization_servers", List.of(server.issuer()));
    metadata.put("scopes_supported", Scopes.SUPPORTED);
    metadata.put("bearer_methods_supported", List.of("header"));
    metadata.put("resource_name", "Cinatra");
    return metadata;
  }

  @GET
  @Path("oauth-authorization-server")
  public Map<String, Object> authorizationServer() {
    String issuer = address.current().issuer();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("issuer", issuer);
    metadata.put("authorization_endpoint", issuer + "/oauth/authorize");
    metadata.put("token_endpoint", issuer + "/oauth/token");
    metadata.put("registration_endpoint", issuer + "/oauth/register");
    metadata.put("revocation_endpoint", issuer + "/oauth/revoke");
    metadata.put("introspection_endpoint", issuer + "/oauth/introspect");
    metadata.put("jwks_uri", issuer + "/oauth/jwks");
    metadata.put("scopes_supported", Scopes.SUPPORTED);
    metadata.put("response_types_supported", List.of("code"));
    metadata.put("response_modes_supported", List.of("query"));
    metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    metadata.put("code_challenge_methods_supported", List.of("S256"));
    List<String> clientAuth = List.of("none", "client_secret_basic", "client_secret_post");
    metadata.put("token_endpoint_auth_methods_supported", clientAuth);
    metadata.put("revocation_endpoint_auth_methods_supported", clientAuth);
    metadata.put(
        "introspection_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post"));
    metadata.put("authorization_response_iss_parameter_supported", true);
    // Claude (and other clients) then identify themselves by their metadata document's URL instead
    // of registering; they need "none" among the token endpoint auth methods too.
    if (offersMetadataDocuments) {
      metadata.put("client_id_metadata_document_supported", true);
    }
    return metadata;
  }

  @GET
  @Path("openid-configuration")
  public Map<String, Object> openIdConfiguration() {
    return authorizationServer();
  }
}
