package ai.cinatra.adapters.http.oauth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Set;

/**
 * Serves {@code /authorize}, {@code /token} and {@code /register} as {@code /oauth/authorize},
 * {@code /oauth/token} and {@code /oauth/register}: claude.ai has been seen to ignore the endpoints
 * in the metadata and use these at the origin root (anthropics/claude-ai-mcp#82, #341, #481). The
 * request is rewritten before anything else sees it, so both paths run the same handler with the
 * same limits (this runs before the request size filter, which reads the path).
 */
@PreMatching
@Priority(50)
public final class OAuthRootPaths implements ContainerRequestFilter {
  private static final Set<String> ALIASED = Set.of("authorize", "token", "register");

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    if (ALIASED.contains(path)) {
      URI base = request.getUriInfo().getBaseUri();
      URI target =
          UriBuilder.fromUri(request.getUriInfo().getRequestUri())
              .replacePath(base.getRawPath() + "oauth/" + path)
              .build();
      request.setRequestUri(base, target);
    }
  }
}
