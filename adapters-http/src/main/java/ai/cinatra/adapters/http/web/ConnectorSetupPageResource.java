package ai.cinatra.adapters.http.web;

import ai.cinatra.adapters.http.page.ErrorPage;
import ai.cinatra.adapters.http.page.Page;
import ai.cinatra.adapters.http.page.WebPage;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.oauth.ClientAdminUseCase;
import ai.cinatra.application.port.in.oauth.ClientAdminUseCase.ClientListing;
import ai.cinatra.application.port.in.oauth.PublicUrlUseCase;
import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.OAuthClient;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Claude connector setup page: the MCP Server URL to copy (or the warning that no public URL is
 * set), the steps to add it in Claude, the connected Claude clients (verified by their metadata
 * document's host, or self-declared by name), and for admins Disconnect, confirmed on a page of its
 * own so it works without JavaScript. Clients are named by a query parameter: a metadata document
 * client's id is a URL, which cannot be one path segment.
 */
@Path("/connectors/cinatra-ai/mcp-client-registry-connector")
public final class ConnectorSetupPageResource {
  static final String SETUP = "/connectors/cinatra-ai/mcp-client-registry-connector/setup";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final WebPages pages;
  private final PublicUrlUseCase publicUrl;
  private final ClientAdminUseCase clients;

  public ConnectorSetupPageResource(
      WebPages pages, PublicUrlUseCase publicUrl, ClientAdminUseCase clients) {
    this.pages = pages;
    this.publicUrl = publicUrl;
    this.clients = clients;
  }

  /** The setup page. */
  public static final class SetupView extends WebPage {
    private final PublicUrlUseCase.PublicUrl url;
    private final List<Map<String, Object>> clients;
    private final boolean all;
    private final String disconnected;

    SetupView(
        SignedInPerson person,
        PublicUrlUseCase.PublicUrl url,
        List<Map<String, Object>> clients,
        boolean all,
        String disconnected) {
      super("connector-setup.ftlh", "Connect Claude", person);
      this.url = url;
      this.clients = clients;
      this.all = all;
      this.disconnected = disconnected;
    }

    public boolean isPublicUrlSet() {
      return url.publicBaseUrl().isPresent();
    }

    public String getMcpServerUrl() {
      return url.mcpServerUrl();
    }

    public List<Map<String, Object>> getClients() {
      return clients;
    }

    public boolean isAll() {
      return all;
    }

    public String getDisconnected() {
      return disconnected == null ? "" : disconnected;
    }
  }

  /** The confirmation before a disconnect. */
  public static final class ConfirmView extends WebPage {
    private final Map<String, Object> client;

    ConfirmView(SignedInPerson person, Map<String, Object> client) {
      super("disconnect-confirm.ftlh", "Disconnect " + client.get("name"), person);
      this.client = client;
    }

    public Map<String, Object> getClient() {
      return client;
    }
  }

  @GET
  @Path("setup")
  public Response setup(
      @QueryParam("show") String show,
      @QueryParam("disconnected") String disconnected,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return pages.signedIn(headers, uri, person -> setup(person, show, disconnected));
  }

  private Response setup(SignedInPerson person, String show, String disconnected) {
    boolean all = "all".equals(show) && person.actor().role() == Role.ADMIN;
    var page =
        all
            ? clients.listClients(
                person.actor(), Optional.empty(), Optional.empty(), ClientAdminUseCase.MAX_PAGE)
            : clients.listClaudeClients(
                person.actor(), Optional.empty(), ClientAdminUseCase.MAX_PAGE);
    return Page.render(
        200,
        new SetupView(
            person,
            publicUrl.publicUrl(person.actor()),
            page.clients().stream().map(ConnectorSetupPageResource::row).toList(),
            all,
            disconnected));
  }

  @GET
  @Path("clients/disconnect")
  public Response confirm(
      @QueryParam("client") String clientId, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.signedIn(
        headers,
        uri,
        person ->
            person.actor().role() != Role.ADMIN
                ? ErrorPage.forbidden(person, "Only admins disconnect clients.")
                : find(person, clientId)
                    .map(c -> Page.render(200, new ConfirmView(person, row(c))))
                    .orElseGet(() -> ErrorPage.notFound(person, "No client with that id.")));
  }

  @POST
  @Path("clients/disconnect")
  public Response disconnect(
      @QueryParam("client") String clientId,
      @FormParam("csrf") String csrf,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return pages.form(headers, uri, csrf, SETUP, person -> disconnect(person, clientId));
  }

  private Response disconnect(SignedInPerson person, String clientId) {
    if (person.actor().role() != Role.ADMIN) {
      return ErrorPage.forbidden(person, "Only admins disconnect clients.");
    }
    Optional<ClientListing> client = find(person, clientId);
    if (client.isEmpty()) {
      return ErrorPage.notFound(person, "No client with that id.");
    }
    try {
      clients.disconnect(person.actor(), client.get().client().clientId());
    } catch (NotFoundException e) {
      return ErrorPage.notFound(person, "No client with that id.");
    }
    String name = String.valueOf(row(client.get()).get("name"));
    return Page.seeOther(SETUP + "?disconnected=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
        .build();
  }

  private Optional<ClientListing> find(SignedInPerson person, String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(clients.client(person.actor(), new ClientId(clientId)));
    } catch (InvalidValueException | NotFoundException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> row(ClientListing listing) {
    var c = listing.client();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", c.clientId().value());
    row.put("idParam", "client=" + URLEncoder.encode(c.clientId().value(), StandardCharsets.UTF_8));
    row.put("name", c.clientName().orElse("(unnamed client)"));
    // A metadata document's host is checked by fetching it; a registered name is not.
    row.put("verifiedHost", c.clientId().documentHost().orElse(""));
    row.put("verifiedClaude", OAuthClient.isVerifiedClaude(c.clientId()));
    row.put("lastUsed", c.lastUsedAt().map(ConnectorSetupPageResource::when).orElse("never"));
    row.put("registered", when(c.createdAt()));
    row.put(
        "accounts",
        c.accounts().stream()
            .map(a -> Map.<String, Object>of("email", a.email().value(), "since", when(a.since())))
            .toList());
    row.put("accountCount", listing.accountCount());
    row.put("hiddenAccounts", listing.accountCount() - c.accounts().size());
    return row;
  }

  private static String when(Instant at) {
    return WHEN.format(at);
  }
}
