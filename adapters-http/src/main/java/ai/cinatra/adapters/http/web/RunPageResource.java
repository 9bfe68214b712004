package ai.cinatra.adapters.http.web;

import ai.cinatra.adapters.http.page.ErrorPage;
import ai.cinatra.adapters.http.page.Page;
import ai.cinatra.adapters.http.page.WebPage;
import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.run.RunsUseCase;
import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /agents/status/{runId}}: a run's status and events, live from the run's SSE stream (with
 * JavaScript; a reload shows the same without), and Approve / Reject while it waits for a person.
 */
@Path("/agents/status/{runId}")
public final class RunPageResource {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int MAX_NOTE = 500;

  private final WebPages pages;
  private final RunsUseCase runs;

  public RunPageResource(WebPages pages, RunsUseCase runs) {
    this.pages = pages;
    this.runs = runs;
  }

  /** The run page. */
  public static final class RunView extends WebPage {
    private final AgentRun run;
    private final List<Map<String, Object>> events;
    private final long lastEventId;
    private final String error;

    RunView(
        SignedInPerson person,
        AgentRun run,
        List<Map<String, Object>> events,
        long lastEventId,
        String error) {
      super("run.ftlh", "Run " + run.id(), person);
      this.run = run;
      this.events = events;
      this.lastEventId = lastEventId;
      this.error = error;
    }

    public String getRunId() {
      return run.id().toString();
    }

    public String getAgentId() {
      return run.agent().value();
    }

    public String getStatus() {
      return run.status().wireName();
    }

    public boolean isPending() {
      return run.status() == RunStatus.PENDING_APPROVAL;
    }

    public String getRunError() {
      return run.error().orElse("");
    }

    public String getError() {
      return error == null ? "" : error;
    }

    public String getScreen() {
      return run.pendingApproval().map(p -> json(p.screen())).orElse("");
    }

    public String getProposed() {
      return run.pendingApproval().map(p -> json(p.proposed())).orElse("");
    }

    public String getStepId() {
      return run.pendingApproval().map(p -> p.stepId()).orElse("");
    }

    public List<Map<String, Object>> getEvents() {
      return events;
    }

    public long getLastEventId() {
      return lastEventId;
    }
  }

  @GET
  public Response show(
      @PathParam("runId") String runId, @Context HttpHeaders headers, @Context UriInfo uri) {
    return pages.signedIn(headers, uri, person -> render(person, runId, 200, null));
  }

  /**
   * The run's events after {@code after}, in words, for the page's live script: the SSE stream says
   * that something happened, this says it the way the page does.
   */
  @GET
  @Path("events")
  @Produces(MediaType.APPLICATION_JSON)
  public Response events(
      @PathParam("runId") String runId,
      @QueryParam("after") long after,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return pages.signedIn(
        headers,
        uri,
        person -> {
          Optional<RunId> id = parse(runId);
          if (id.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
          }
          try {
            RunsUseCase.RunView view = runs.get(person.actor(), id.get(), Math.max(0, after));
            return Response.ok(
                    Map.of(
                        "status",
                        view.run().status().wireName(),
                        "events",
                        view.events().stream().map(RunPageResource::row).toList()))
                .build();
          } catch (ApplicationException e) {
            // Not found and not allowed read alike: the page does not say which runs exist.
            return Response.status(Response.Status.NOT_FOUND).build();
          }
        });
  }

  @POST
  @Path("resume")
  public Response resume(
      @PathParam("runId") String runId,
      @FormParam("csrf") String csrf,
      @FormParam("decision") String decision,
      @FormParam("note") String note,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return pages.form(
        headers,
        uri,
        csrf,
        "/agents/status/" + runId,
        person -> resume(person, runId, decision, note));
  }

  private Response resume(SignedInPerson person, String runId, String decision, String note) {
    Optional<RunId> id = parse(runId);
    if (id.isEmpty()) {
      return ErrorPage.notFound(person, "No run with that id.");
    }
    Optional<String> approvalNote =
        Optional.ofNullable(note).map(String::strip).filter(n -> !n.isEmpty());
    try {
      if (approvalNote.isPresent() && approvalNote.get().length() > MAX_NOTE) {
        throw new InvalidValueException("the note is at most " + MAX_NOTE + " characters");
      }
      if ("reject".equals(decision)) {
        Map<String, Object> rejection = new LinkedHashMap<>();
        rejection.put("decision", "reject");
        approvalNote.ifPresent(n -> rejection.put("note", n));
        runs.resume(person.actor(), id.get(), Optional.of(rejection), Optional.empty());
      } else if ("approve".equals(decision)) {
        runs.resume(person.actor(), id.get(), Optional.empty(), approvalNote);
      } else {
        throw new InvalidValueException("choose Approve or Reject");
      }
    } catch (NotFoundException e) {
      return ErrorPage.notFound(person, e.getMessage());
    } catch (ApplicationException | InvalidValueException e) {
      return render(person, runId, 400, e.getMessage());
    }
    return Page.seeOther("/agents/status/" + runId).build();
  }

  private Response render(SignedInPerson person, String runId, int status, String error) {
    Optional<RunId> id = parse(runId);
    if (id.isEmpty()) {
      return ErrorPage.notFound(person, "No run with that id.");
    }
    RunsUseCase.RunView view;
    try {
      view = runs.get(person.actor(), id.get(), 0);
    } catch (NotFoundException e) {
      return ErrorPage.notFound(person, e.getMessage());
    } catch (ApplicationException e) {
      return ErrorPage.forbidden(person, e.getMessage());
    }
    List<Map<String, Object>> events = view.events().stream().map(RunPageResource::row).toList();
    long last = view.events().isEmpty() ? 0 : view.events().get(view.events().size() - 1).id();
    return Page.render(status, new RunView(person, view.run(), events, last, error));
  }

  private static Map<String, Object> row(RunEvent event) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", event.id());
    row.put("type", event.type().name());
    row.put("text", RunEventText.describe(event));
    return row;
  }

  private static Optional<RunId> parse(String runId) {
    try {
      return Optional.of(RunId.parse(runId));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
