package ai.cinatra.adapters.http.web;

import ai.cinatra.adapters.http.page.ErrorPage;
import ai.cinatra.adapters.http.page.Page;
import ai.cinatra.adapters.http.page.WebPage;
import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.application.port.in.oauth.PublicUrlUseCase;
import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.error.InvalidValueException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /configuration/development?tab=tunnel}: where an admin sets the public HTTPS URL that
 * Claude reaches the server at, warned that connected clients must reconnect after a change.
 */
@Path("/configuration/development")
public final class TunnelPageResource {
  static final String PATH = "/configuration/development?tab=tunnel";

  private final WebPages pages;
  private final PublicUrlUseCase publicUrl;

  public TunnelPageResource(WebPages pages, PublicUrlUseCase publicUrl) {
    this.pages = pages;
    this.publicUrl = publicUrl;
  }

  /** The tunnel tab: the current setting and the form. */
  public static final class TunnelView extends WebPage {
    private final PublicUrlUseCase.PublicUrl url;
    private final String error;
    private final String value;
    private final boolean saved;

    TunnelView(
        SignedInPerson person,
        PublicUrlUseCase.PublicUrl url,
        String error,
        String value,
        boolean saved) {
      super("tunnel.ftlh", "Public URL", person);
      this.url = url;
      this.error = error;
      this.value = value;
      this.saved = saved;
    }

    public String getPublicUrl() {
      return url.publicBaseUrl().orElse("");
    }

    public String getMcpServerUrl() {
      return url.mcpServerUrl();
    }

    public String getConfiguredBaseUrl() {
      return url.configuredBaseUrl();
    }

    public String getError() {
      return error == null ? "" : error;
    }

    public String getValue() {
      return value == null ? url.publicBaseUrl().orElse("") : value;
    }

    public boolean isSaved() {
      return saved;
    }
  }

  @GET
  public Response show(
      @QueryParam("tab") String tab,
      @QueryParam("saved") String saved,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return pages.signedIn(
        headers,
        uri,
        person ->
            person.actor().role() != Role.ADMIN
                ? ErrorPage.forbidden(person, "Only admins set the public URL.")
                : Page.render(
                    200,
                    new TunnelView(
                        person, publicUrl.publicUrl(person.actor()), null, null, saved != null)));
  }

  @POST
  public Response save(
      @FormParam("csrf") String csrf,
      @FormParam("url") String url,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return pages.form(headers, uri, csrf, PATH, person -> save(person, url));
  }

  private Response save(SignedInPerson person, String url) {
    try {
      publicUrl.setPublicUrl(person.actor(), url);
      return Page.seeOther(PATH + "&saved=1").build();
    } catch (InvalidValueException | ApplicationException e) {
      return Page.render(
          e instanceof ApplicationException ? 403 : 400,
          new TunnelView(person, publicUrl.publicUrl(person.actor()), e.getMessage(), url, false));
    }
  }
}
