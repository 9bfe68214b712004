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
    return Page.render(200, new HomePage(address.current().mcpResource()));
  }

  /** home.ftlh: the MCP URL. */
  public static final class HomePage extends WebPage {
    private final String mcpUrl;

    HomePage(String mcpUrl) {
      super("home.ftlh", "Cinatra", null);
      this.mcpUrl = mcpUrl;
    }

    public String getMcpUrl() {
      return mcpUrl;
    }
  }
}
