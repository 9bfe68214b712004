package ai.cinatra.adapters.http.admin;

import static ai.cinatra.adapters.http.admin.AdminSettingsResource.actor;

import ai.cinatra.adapters.http.admin.AdminResponses.AuditPageView;
import ai.cinatra.adapters.http.admin.AdminResponses.AuditView;
import ai.cinatra.adapters.http.admin.AdminResponses.RunView;
import ai.cinatra.adapters.http.admin.AdminResponses.RunsView;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.port.in.audit.AuditQuery;
import ai.cinatra.application.port.in.run.RunsUseCase;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.audit.AuditEntry;
import ai.cinatra.domain.run.RunStatus;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** What happened: every run, and the audit trail. */
@Path("/api/admin")
@AdminApi
@Produces(MediaType.APPLICATION_JSON)
public final class AdminActivityResource {
  private final RunsUseCase runs;
  private final AuditQuery audit;

  public AdminActivityResource(RunsUseCase runs, AuditQuery audit) {
    this.runs = runs;
    this.audit = audit;
  }

  @GET
  @Path("runs")
  public RunsView runs(
      @QueryParam("status") String status,
      @QueryParam("agentId") String agentId,
      @QueryParam("cursor") String cursor,
      @Context ContainerRequestContext request) {
    RunsUseCase.RunPage page =
        runs.list(
            actor(request),
            Optional.ofNullable(status).map(RunStatus::parse),
            Optional.ofNullable(agentId).map(AgentId::new),
            Optional.ofNullable(cursor));
    return new RunsView(
        page.runs().stream().map(RunView::of).toList(), page.nextCursor().orElse(null));
  }

  @GET
  @Path("audit")
  public AuditPageView audit(
      @QueryParam("before") Long before,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @Context ContainerRequestContext request) {
    if (limit < 1) {
      throw new InvalidInputException("limit is at least 1");
    }
    List<AuditEntry> entries = audit.audit(actor(request), Optional.ofNullable(before), limit);
    return new AuditPageView(
        entries.stream().map(AuditView::of).toList(),
        entries.size() == limit ? entries.get(entries.size() - 1).id() : null);
  }
}
