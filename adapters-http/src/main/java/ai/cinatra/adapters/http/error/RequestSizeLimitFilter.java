package ai.cinatra.adapters.http.error;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Bounds every request body before anything reads it: a declared length over the limit is refused
 * at once, and a chunked body is cut off where it crosses the limit. OAuth requests are small, so
 * their limit is tighter.
 */
@PreMatching
@Priority(100)
public final class RequestSizeLimitFilter implements ContainerRequestFilter {
  private final long defaultLimit;
  private final long oauthLimit;

  public RequestSizeLimitFilter(long defaultLimit, long oauthLimit) {
    this.defaultLimit = defaultLimit;
    this.oauthLimit = oauthLimit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = request.getUriInfo().getPath().startsWith("oauth/") ? oauthLimit : defaultLimit;
    if (request.getLength() > limit) {
      request.abortWith(tooLarge(limit));
      return;
    }
    request.setEntityStream(new Bounded(request.getEntityStream(), limit));
  }

  static Response tooLarge(long limit) {
    return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            Map.of(
                "error",
                "invalid_request",
                "error_description",
                "the request body is larger than " + limit + " bytes"))
        .build();
  }

  /** Fails the read that crosses the limit. */
  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private long count;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      count += n;
      if (count > limit) {
        throw new WebApplicationException(tooLarge(limit));
      }
    }
  }
}
