package ai.cinatra.adapters.http.run;

import ai.cinatra.adapters.http.mcp.tool.run.RunJson;
import ai.cinatra.adapters.http.sse.SsePump;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.run.RunsUseCase;
import ai.cinatra.application.port.in.run.RunsUseCase.RunView;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * A run's AG-UI events as Server-Sent Events, with replay from Last-Event-ID; the same access rules
 * as agent_run_get (someone else's run is 404), for a bearer token or a signed-in person's page.
 * The stream ends after the run ends.
 */
@Path("/api/agents/runs/{runId}/stream")
@BearerOrSession
public final class RunStreamResource {
  /** A stream is let go after this long; the client reconnects with Last-Event-ID. */
  static final Duration MAX_AGE = Duration.ofMinutes(10);

  private final RunsUseCase runs;
  private final ScheduledExecutorService scheduler;
  private final Duration poll;
  private final Set<ChunkedOutput<String>> open = ConcurrentHashMap.newKeySet();

  public RunStreamResource(RunsUseCase runs, ScheduledExecutorService scheduler, Duration poll) {
    this.runs = runs;
    this.scheduler = scheduler;
    this.poll = poll;
  }

  @GET
  public Response stream(
      @PathParam("runId") String runId,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") String afterParam,
      @Context ContainerRequestContext request) {
    Actor actor = (Actor) request.getProperty(BearerOrSessionFilter.ACTOR);
    RunId id;
    try {
      id = RunId.parse(runId);
    } catch (InvalidValueException e) {
      throw new NotFoundException("no run with id " + runId);
    }
    // Last-Event-ID on a reconnect; ?after= for a page that has rendered the first events itself.
    String from = lastEventId != null ? lastEventId : afterParam;
    long after = from != null && from.matches("\\d{1,18}") ? Long.parseLong(from) : 0;
    runs.get(actor, id, after); // refuses (404) before any stream opens
    ChunkedOutput<String> out = new ChunkedOutput<>(String.class, "");
    open.add(out);
    SsePump.start(
        scheduler, poll, new Feed(actor, id, after, out, System.nanoTime()), () -> close(out));
    return Response.ok(out, "text/event-stream").header("Cache-Control", "no-cache").build();
  }

  /** Ends every open stream: at shutdown, so they do not hold it up. */
  public void closeAll() {
    for (ChunkedOutput<String> out : open) {
      close(out);
    }
  }

  private void close(ChunkedOutput<String> out) {
    open.remove(out);
    try {
      out.close();
    } catch (IOException e) {
      // Already gone.
    }
  }

  /** Writes the run's new events to one stream until the run has ended and all are written. */
  private final class Feed implements SsePump.Tick {
    private final Actor actor;
    private final RunId id;
    private final ChunkedOutput<String> out;
    private final long startedAt;
    private long cursor;

    Feed(Actor actor, RunId id, long cursor, ChunkedOutput<String> out, long startedAt) {
      this.actor = actor;
      this.id = id;
      this.cursor = cursor;
      this.out = out;
      this.startedAt = startedAt;
    }

    @Override
    public boolean next() throws IOException {
      // Throws when the run is no longer visible to the client: the stream ends.
      RunView view = runs.get(actor, id, cursor);
      for (RunEvent event : view.events()) {
        out.write(
            SsePump.event(
                Long.toString(event.id()), event.type().name(), RunJson.event(event).toString()));
        cursor = event.id();
      }
      return !(view.run().status().isTerminal() && view.events().isEmpty())
          && !out.isClosed()
          && System.nanoTime() - startedAt <= MAX_AGE.toNanos();
    }
  }
}
