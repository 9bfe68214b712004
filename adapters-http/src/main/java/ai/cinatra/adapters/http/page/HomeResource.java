package ai.cinatra.adapters.http.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page a person sees at the server's root: what this server is and where MCP clients connect.
 */
@Path("/")
public final class HomeResource {
  private final String mcpUrl;

  /**
   * @param mcpUrl the MCP endpoint clients are told to use, e.g. {@code
   *     http://localhost:3000/api/mcp}
   */
  public HomeResource(String mcpUrl) {
    this.mcpUrl = mcpUrl;
  }

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public Response home() {
    String url = Html.escape(mcpUrl);
    String body =
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Cinatra</title></head>
        <body>
        <h1>Cinatra</h1>
        <p>This server is an MCP gateway with its own OAuth 2.1 authorization server.</p>
        <p>MCP clients connect to <code>%s</code>.</p>
        </body>
        </html>
        """
            .formatted(url);
    return Response.ok(body)
        .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
