package ai.cinatra.adapters.http.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The pages' stylesheet and two scripts, from the jar: a fixed list, so no path can reach anything
 * else on the classpath.
 */
@Path("/assets/{name}")
public final class AssetsResource {
  private static final Map<String, String> TYPES =
      Map.of(
          "cinatra.css", "text/css; charset=utf-8",
          "copy.js", "text/javascript; charset=utf-8",
          "run.js", "text/javascript; charset=utf-8");

  @GET
  public Response asset(@PathParam("name") String name) throws IOException {
    String type = TYPES.get(name);
    if (type == null) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    byte[] bytes;
    try (InputStream in = AssetsResource.class.getResourceAsStream("/assets/" + name)) {
      if (in == null) {
        return Response.status(Response.Status.NOT_FOUND).build();
      }
      bytes = in.readAllBytes();
    }
    return Response.ok(bytes, type)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "public, max-age=300")
        .build();
  }
}
