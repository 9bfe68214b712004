package ai.cinatra.adapters.http.oauth;

import ai.cinatra.adapters.http.page.Page;
import ai.cinatra.adapters.http.session.SessionCookies;
import ai.cinatra.adapters.http.session.SignInResource;
import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.port.in.oauth.AuthorizationRequest;
import ai.cinatra.application.port.in.oauth.AuthorizeCommand;
import ai.cinatra.application.port.in.oauth.AuthorizeUseCase;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.application.port.in.session.SignInUseCase;
import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorization endpoint: sends a person without a session to sign in, asks for consent once
 * per client, and sends the client a code (with {@code iss}, RFC 9207) or an error.
 */
@Path("/oauth/authorize")
public final class AuthorizeResource {
  private final AuthorizeUseCase authorize;
  private final SignInUseCase signIn;
  private final ServerAddressQuery address;

  public AuthorizeResource(
      AuthorizeUseCase authorize, SignInUseCase signIn, ServerAddressQuery address) {
    this.authorize = authorize;
    this.signIn = signIn;
    this.address = address;
  }

  @GET
  public Response request(
      @QueryParam("response_type") String responseType,
      @QueryParam("client_id") String clientId,
      @QueryParam("redirect_uri") String redirectUri,
      @QueryParam("scope") String scope,
      @QueryParam("state") String state,
      @QueryParam("code_challenge") String codeChallenge,
      @QueryParam("code_challenge_method") String codeChallengeMethod,
      @QueryParam("resource") String resource,
      @QueryParam("prompt") String prompt,
      @CookieParam(SessionCookies.SESSION) String sessionToken,
      @Context UriInfo uri) {
    AuthorizeCommand command =
        new AuthorizeCommand(
            responseType,
            clientId,
            redirectUri,
            scope,
            state,
            codeChallenge,
            codeChallengeMethod,
            resource);
    AuthorizationRequest request;
    try {
      request = authorize.check(command);
    } catch (OAuthException e) {
      return refusal(e);
    }
    Optional<SignedInPerson> person = signIn.person(sessionToken);
    if (person.isEmpty()) {
      String here = uri.getRequestUri().getRawPath() + "?" + uri.getRequestUri().getRawQuery();
      return Page.seeOther(SignInResource.signInUrl(here, null)).build();
    }
    // prompt=consent (OpenID Connect, sent by the MCP SDKs) asks to be shown the page anyway.
    boolean askAgain = prompt != null && prompt.contains("consent");
    if (!askAgain && authorize.isConsented(person.get().actor().account(), request)) {
      return approve(person.get(), request);
    }
    return consentPage(command, request, person.get());
  }

  @POST
  public Response decide(
      @FormParam("decision") String decision,
      @FormParam("csrf") String csrf,
      @FormParam("response_type") String responseType,
      @FormParam("client_id") String clientId,
      @FormParam("redirect_uri") String redirectUri,
      @FormParam("scope") String scope,
      @FormParam("state") String state,
      @FormParam("code_challenge") String codeChallenge,
      @FormParam("code_challenge_method") String codeChallengeMethod,
      @FormParam("resource") String resource,
      @CookieParam(SessionCookies.SESSION) String sessionToken) {
    AuthorizationRequest request;
    try {
      request =
          authorize.check(
              new AuthorizeCommand(
                  responseType,
                  clientId,
                  redirectUri,
                  scope,
                  state,
                  codeChallenge,
                  codeChallengeMethod,
                  resource));
    } catch (OAuthException e) {
      return refusal(e);
    }
    Optional<SignedInPerson> person = signIn.person(sessionToken);
    if (person.isEmpty() || !SignInResource.sameToken(csrf, person.get().session().csrfToken())) {
      return Page.error(
          403, "This form expired or did not come from this page. Start again from your app.");
    }
    if (!"approve".equals(decision)) {
      return Page.seeOther(
              back(
                  request.redirectUri(),
                  params(
                      "error",
                      "access_denied",
                      "error_description",
                      "the person declined",
                      "state",
                      request.state().orElse(null))))
          .build();
    }
    return approve(person.get(), request);
  }

  private Response approve(SignedInPerson person, AuthorizationRequest request) {
    try {
      String code = authorize.approve(person.actor().account(), request);
      return Page.seeOther(
              back(
                  request.redirectUri(),
                  params("code", code, "state", request.state().orElse(null))))
          .build();
    } catch (OAuthException e) {
      return refusal(e);
    }
  }

  private Response refusal(OAuthException e) {
    if (e.redirect().isEmpty()) {
      // The OAuth error code too, so a developer knows which of the RFCs' errors this is.
      return Page.error(400, e.getMessage() + " (" + e.code().wireName() + ")");
    }
    OAuthException.Redirect redirect = e.redirect().get();
    return Page.seeOther(
            back(
                redirect.redirectUri(),
                params(
                    "error", e.code().wireName(),
                    "error_description", e.getMessage(),
                    "state", redirect.state())))
        .build();
  }

  private Response consentPage(
      AuthorizeCommand command, AuthorizationRequest request, SignedInPerson person) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", person.session().csrfToken());
    fields.put("response_type", command.responseType());
    fields.put("client_id", command.clientId());
    fields.put("redirect_uri", command.redirectUri());
    fields.put("scope", command.scope());
    fields.put("state", command.state());
    fields.put("code_challenge", command.codeChallenge());
    fields.put("code_challenge_method", command.codeChallengeMethod());
    fields.put("resource", command.resource());
    fields.values().removeIf(Objects::isNull);
    return Page.render(
        200,
        new ConsentPage(
            person,
            request.client().displayName(),
            request.client().verifiedHost().orElse(""),
            request.redirectHost(),
            List.copyOf(fields.entrySet())));
  }

  private Map<String, String> params(String... keysAndValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        params.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    // RFC 9207: the client can tell which server answered, against mix-up attacks.
    params.put("iss", address.current().issuer());
    return params;
  }

  private static String back(String redirectUri, Map<String, String> params) {
    StringBuilder url = new StringBuilder(redirectUri);
    char separator = redirectUri.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> p : params.entrySet()) {
      url.append(separator)
          .append(p.getKey())
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }
}
