package ai.cinatra.adapters.http.admin;

import ai.cinatra.adapters.http.error.ProblemDetail;
import ai.cinatra.adapters.http.oauth.BearerToken;
import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.port.in.access.PersonalTokensUseCase;
import ai.cinatra.application.port.in.oauth.AuthenticateBearerUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.PersonalAccessToken;
import ai.cinatra.domain.account.Role;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;

/**
 * Authenticates the REST admin API: a personal access token ({@code cin_pat_…}) or an access token
 * of this server's OAuth server, either as its account with the account's current role, which must
 * be admin. Refusals are problem details: 401 with a Bearer challenge, or 403.
 */
@Priority(Priorities.AUTHENTICATION)
@AdminApi
public final class AdminAuthFilter implements ContainerRequestFilter {
  /** The request property holding the authenticated {@link Actor}. */
  public static final String ACTOR = "cinatra.admin.actor";

  private final AuthenticateBearerUseCase bearer;
  private final PersonalTokensUseCase personalTokens;

  public AdminAuthFilter(AuthenticateBearerUseCase bearer, PersonalTokensUseCase personalTokens) {
    this.bearer = bearer;
    this.personalTokens = personalTokens;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    java.util.Optional<String> presented = BearerToken.of(request.getHeaderString("Authorization"));
    if (presented.isEmpty()) {
      request.abortWith(
          unauthorized(
              null,
              "a bearer token is required: a personal access token"
                  + " (token create) or an access token of this server"));
      return;
    }
    String token = presented.get();
    Actor actor;
    try {
      actor =
          token.startsWith(PersonalAccessToken.PREFIX)
              ? personalTokens.authenticate(token)
              : bearer.authenticate(token);
    } catch (OAuthException e) {
      request.abortWith(unauthorized(e.code().wireName(), e.getMessage()));
      return;
    }
    if (actor.role() != Role.ADMIN) {
      request.abortWith(
          problem(
              Response.Status.FORBIDDEN,
              "the admin API is for admin accounts; "
                  + actor.email()
                  + " is "
                  + actor.role().wireName()));
      return;
    }
    request.setProperty(ACTOR, actor);
  }

  private static Response unauthorized(String error, String description) {
    String challenge =
        "Bearer realm=\"cinatra-admin\""
            + (error == null
                ? ""
                : ", error=\""
                    + error
                    + "\", error_description=\""
                    + description.replace("\"", "'")
                    + "\"");
    return Response.fromResponse(problem(Response.Status.UNAUTHORIZED, description))
        .header("WWW-Authenticate", challenge)
        .build();
  }

  static Response problem(Response.Status status, String detail) {
    return Response.status(status)
        .type(ProblemDetail.MEDIA_TYPE)
        .entity(ProblemDetail.of(status.getStatusCode(), status.getReasonPhrase(), detail))
        .build();
  }
}
