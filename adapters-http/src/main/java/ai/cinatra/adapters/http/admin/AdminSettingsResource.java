package ai.cinatra.adapters.http.admin;

import ai.cinatra.adapters.http.admin.AdminResponses.PublicUrlRequest;
import ai.cinatra.adapters.http.admin.AdminResponses.PublicUrlView;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.port.in.oauth.PublicUrlUseCase;
import ai.cinatra.domain.access.Actor;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The public URL: read it, set it. */
@Path("/api/admin/public-url")
@AdminApi
@Produces(MediaType.APPLICATION_JSON)
public final class AdminSettingsResource {
  static final String RECONNECT_WARNING =
      "Clients connected before must reconnect: their tokens name the old address and are refused"
          + " from now on.";

  private final PublicUrlUseCase publicUrl;

  public AdminSettingsResource(PublicUrlUseCase publicUrl) {
    this.publicUrl = publicUrl;
  }

  @GET
  public PublicUrlView get(@Context ContainerRequestContext request) {
    return view(publicUrl.publicUrl(actor(request)), null);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public PublicUrlView set(PublicUrlRequest body, @Context ContainerRequestContext request) {
    if (body == null || body.url() == null) {
      throw new InvalidInputException("send {\"url\": \"https://…\"}");
    }
    return view(publicUrl.setPublicUrl(actor(request), body.url()), RECONNECT_WARNING);
  }

  static PublicUrlView view(PublicUrlUseCase.PublicUrl url, String warning) {
    return new PublicUrlView(
        url.publicBaseUrl().orElse(null), url.mcpServerUrl(), url.configuredBaseUrl(), warning);
  }

  static Actor actor(ContainerRequestContext request) {
    return (Actor) request.getProperty(AdminAuthFilter.ACTOR);
  }
}
