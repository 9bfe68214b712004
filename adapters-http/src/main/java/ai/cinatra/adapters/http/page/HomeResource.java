package ai.cinatra.adapters.http.page;

import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page a person sees at the server's root: what this server is, where MCP clients connect (the
 * public URL once an operator set one), and the way to the connector page.
 */
@Path("/")
public final class HomeResource {
  private final ServerAddressQuery address;

  public HomeResource(ServerAddressQuery address) {
    this.address = address;
  }

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public Response home() {
    String url = Html.escape(address.current().mcpResource());
    return Page.html(
            200,
            "Cinatra",
            "<h1>Cinatra</h1>"
                + "<p>This server is an MCP gateway with its own OAuth 2.1 authorization server.</p>"
                + "<p>MCP clients connect to <code>"
                + url
                + "</code>.</p>"
                + "<p><a href=\"/connectors/cinatra-ai/mcp-client-registry-connector/setup\">"
                + "Connect Claude</a> (sign in first).</p>")
        .build();
  }
}
