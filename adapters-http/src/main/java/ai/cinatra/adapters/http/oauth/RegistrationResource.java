package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.in.oauth.RegisterClientCommand;
import ai.cinatra.application.port.in.oauth.RegisterClientUseCase;
import ai.cinatra.application.port.in.oauth.RegisteredClient;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.RedirectUri;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dynamic client registration (RFC 7591), open to anyone, as Claude Desktop arrives unannounced;
 * and the client's own deletion of its registration (RFC 7592) with the registration access token
 * it was given. Reading or updating a registration (the rest of RFC 7592) is not offered.
 */
@Path("/oauth/register")
public final class RegistrationResource {
  /** Far above any real registration (a few hundred bytes), far below what could hurt. */
  static final int MAX_BODY_CHARS = 64 * 1024;

  private final RegisterClientUseCase registration;
  private final ServerAddressQuery address;
  private final ObjectMapper json;

  public RegistrationResource(
      RegisterClientUseCase registration, ServerAddressQuery address, ObjectMapper json) {
    this.registration = registration;
    this.address = address;
    this.json = json;
  }

  /** RFC 7592 section 2.3: 204 when deleted; 401 invalid_token for anything else, alike. */
  @DELETE
  @Path("{clientId}")
  public Response delete(
      @PathParam("clientId") String clientId,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    try {
      registration.delete(clientId, BearerToken.of(authorization).orElse(null));
    } catch (OAuthException e) {
      return Response.status(Response.Status.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
          .header("Cache-Control", "no-store")
          .type(MediaType.APPLICATION_JSON)
          .entity(Map.of("error", "invalid_token", "error_description", e.getMessage()))
          .build();
    }
    return Response.noContent().header("Cache-Control", "no-store").build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response register(String body, @Context HttpServletRequest request) {
    JsonNode metadata = parse(body);
    RegisteredClient registered =
        registration.register(
            new RegisterClientCommand(
                text(metadata, "client_name"),
                strings(metadata, "redirect_uris", Code.INVALID_REDIRECT_URI),
                text(metadata, "token_endpoint_auth_method"),
                strings(metadata, "grant_types", Code.INVALID_CLIENT_METADATA),
                strings(metadata, "response_types", Code.INVALID_CLIENT_METADATA),
                request.getRemoteAddr()));
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .entity(describe(registered, address.current().issuer()))
        .build();
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new OAuthException(Code.INVALID_CLIENT_METADATA, "the body must be a JSON object");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw new OAuthException(
          Code.INVALID_CLIENT_METADATA,
          "the body is larger than " + MAX_BODY_CHARS + " characters");
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw new OAuthException(Code.INVALID_CLIENT_METADATA, "the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new OAuthException(Code.INVALID_CLIENT_METADATA, "the body is not valid JSON");
    }
  }

  private static String text(JsonNode metadata, String field) {
    JsonNode value = metadata.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new OAuthException(Code.INVALID_CLIENT_METADATA, field + " must be a string");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode metadata, String field, Code code) {
    JsonNode value = metadata.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw new OAuthException(code, field + " must be an array of strings");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new OAuthException(code, field + " must be an array of strings");
      }
      strings.add(item.asText());
    }
    return strings;
  }

  private static Map<String, Object> describe(RegisteredClient registered, String issuer) {
    OAuthClient client = registered.client();
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("client_id", client.id().value());
    response.put("client_id_issued_at", client.createdAt().getEpochSecond());
    response.put("registration_access_token", registered.registrationToken());
    response.put("registration_client_uri", issuer + "/oauth/register/" + client.id().value());
    registered
        .secret()
        .ifPresent(
            secret -> {
              response.put("client_secret", secret);
              response.put("client_secret_expires_at", 0);
            });
    client.name().ifPresent(name -> response.put("client_name", name));
    response.put("redirect_uris", client.redirectUris().stream().map(RedirectUri::value).toList());
    response.put("grant_types", List.of("authorization_code", "refresh_token"));
    response.put("response_types", List.of("code"));
    response.put("token_endpoint_auth_method", client.authMethod().wireName());
    return response;
  }
}
