package ai.cinatra.adapters.http.admin;

import static ai.cinatra.adapters.http.admin.AdminSettingsResource.actor;

import ai.cinatra.adapters.http.admin.AdminResponses.AgentView;
import ai.cinatra.adapters.http.admin.AdminResponses.AgentsView;
import ai.cinatra.adapters.http.admin.AdminResponses.ConnectorRequest;
import ai.cinatra.adapters.http.admin.AdminResponses.ConnectorView;
import ai.cinatra.adapters.http.admin.AdminResponses.ConnectorsView;
import ai.cinatra.adapters.http.admin.AdminResponses.InstalledView;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.port.in.agent.AgentsUseCase;
import ai.cinatra.application.port.in.connector.ConnectorsUseCase;
import ai.cinatra.domain.agent.AgentDefinition;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Connectors and agents: list and install (installing a name again replaces it). */
@Path("/api/admin")
@AdminApi
@Produces(MediaType.APPLICATION_JSON)
public final class AdminCatalogResource {
  private final ConnectorsUseCase connectors;
  private final AgentsUseCase agents;

  public AdminCatalogResource(ConnectorsUseCase connectors, AgentsUseCase agents) {
    this.connectors = connectors;
    this.agents = agents;
  }

  @GET
  @Path("connectors")
  public ConnectorsView connectors(@Context ContainerRequestContext request) {
    return new ConnectorsView(
        connectors.list(actor(request)).stream().map(ConnectorView::of).toList());
  }

  @PUT
  @Path("connectors/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ConnectorView installConnector(
      @PathParam("name") String name,
      ConnectorRequest body,
      @Context ContainerRequestContext request) {
    if (body == null || body.connector() == null) {
      throw new InvalidInputException(
          "send {\"connector\": {\"kind\": …, \"url\": …, …}, \"secret\"?: …}");
    }
    Map<String, Object> document = new LinkedHashMap<>(body.connector());
    Object named = document.putIfAbsent("name", name);
    if (named != null && !named.equals(name)) {
      throw new InvalidInputException("the connector's name is " + named + ", not " + name);
    }
    return ConnectorView.of(
        connectors.install(actor(request), document, Optional.ofNullable(body.secret())));
  }

  @GET
  @Path("agents")
  public AgentsView agents(
      @QueryParam("cursor") String cursor, @Context ContainerRequestContext request) {
    AgentsUseCase.AgentPage page = agents.list(actor(request), Optional.ofNullable(cursor));
    return new AgentsView(
        page.agents().stream()
            .map(a -> new AgentView(a.id().value(), a.name(), a.description(), a.steps().size()))
            .toList(),
        page.nextCursor().orElse(null));
  }

  @PUT
  @Path("agents/{agentId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public InstalledView installAgent(
      @PathParam("agentId") String agentId,
      Map<String, Object> definition,
      @Context ContainerRequestContext request) {
    if (definition == null) {
      throw new InvalidInputException("send the agent's definition document");
    }
    Map<String, Object> document = new LinkedHashMap<>(definition);
    Object named = document.putIfAbsent("agentId", agentId);
    if (named != null && !named.equals(agentId)) {
      throw new InvalidInputException("the definition's agentId is " + named + ", not " + agentId);
    }
    AgentDefinition agent = AgentDefinition.parse(document);
    return new InstalledView(agentId, agents.install(actor(request), agent));
  }
}
