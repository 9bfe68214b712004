package ai.cinatra.bootstrap;

import ai.cinatra.adapters.http.error.ProblemDetail;
import ai.cinatra.adapters.http.oauth.OAuthError;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database failures at the edge: when the database cannot be reached (no connection, or one lost
 * mid-statement), the client is told to come back — 503 with Retry-After (McpServlet says it as a
 * JSON-RPC error on /api/mcp, told by {@link #isOutage}), {@code temporarily_unavailable} on
 * /oauth/*, a problem detail on /api/admin — and the pool reconnects by itself once the database is
 * back (connections are checked on borrow). Any other database failure is a logged 500 that says
 * nothing of its cause.
 */
public final class DatabaseOutageMapper implements ExceptionMapper<JdbiException> {
  static final int RETRY_AFTER_SECONDS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageMapper.class);

  @Context private UriInfo uri;

  @Override
  public Response toResponse(JdbiException exception) {
    if (!isOutage(exception)) {
      long id = ThreadLocalRandom.current().nextLong();
      LOG.error("database failure {}", Long.toHexString(id), exception);
      return Response.serverError()
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(
              new ErrorMessage(
                  500,
                  "There was an error processing your request. It has been logged (ID "
                      + Long.toHexString(id)
                      + ")."))
          .build();
    }
    LOG.warn("the database is unreachable: {}", rootMessage(exception));
    String message =
        "the database is unreachable for the moment; retry in " + RETRY_AFTER_SECONDS + " s";
    String path = uri == null ? "" : uri.getPath();
    Response.ResponseBuilder unavailable =
        Response.status(Response.Status.SERVICE_UNAVAILABLE)
            .header("Retry-After", RETRY_AFTER_SECONDS)
            .type(MediaType.APPLICATION_JSON_TYPE);
    if (path.startsWith("api/admin")) {
      return unavailable
          .type(ProblemDetail.MEDIA_TYPE)
          .entity(ProblemDetail.of(503, "Service Unavailable", message))
          .build();
    }
    if (path.startsWith("oauth/") || path.startsWith(".well-known")) {
      return unavailable
          .header("Cache-Control", "no-store")
          .entity(new OAuthError("temporarily_unavailable", message))
          .build();
    }
    return unavailable.entity(new ErrorMessage(503, message)).build();
  }

  /** Whether the failure is the database being out of reach rather than a faulty statement. */
  static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectionException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P01-03: the server shut down or cannot connect now.
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
