package ai.cinatra.adapters.http.admin;

import static ai.cinatra.adapters.http.admin.AdminSettingsResource.actor;

import ai.cinatra.adapters.http.admin.AdminResponses.ClientPageView;
import ai.cinatra.adapters.http.admin.AdminResponses.ClientView;
import ai.cinatra.adapters.http.admin.AdminResponses.DisconnectView;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.oauth.ClientAdminUseCase;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** Registered clients with their connected accounts; disconnecting one for every account. */
@Path("/api/admin/clients")
@AdminApi
@Produces(MediaType.APPLICATION_JSON)
public final class AdminClientsResource {
  private final ClientAdminUseCase clients;

  public AdminClientsResource(ClientAdminUseCase clients) {
    this.clients = clients;
  }

  @GET
  public ClientPageView list(
      @QueryParam("nameContains") String nameContains,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @Context ContainerRequestContext request) {
    ClientAdminUseCase.ClientPage page =
        clients.listClientsAsAdmin(
            actor(request), Optional.ofNullable(nameContains), Optional.ofNullable(cursor), limit);
    return new ClientPageView(
        page.clients().stream().map(ClientView::of).toList(), page.nextCursor().orElse(null));
  }

  /** The same, for any client id: a metadata document client's id is a URL, not a path segment. */
  @POST
  @Path("disconnect")
  public DisconnectView disconnectById(
      @QueryParam("clientId") String clientId, @Context ContainerRequestContext request) {
    if (clientId == null || clientId.isBlank()) {
      throw new InvalidInputException("clientId is required");
    }
    return disconnect(clientId, request);
  }

  @POST
  @Path("{clientId}/disconnect")
  public DisconnectView disconnect(
      @PathParam("clientId") String clientId, @Context ContainerRequestContext request) {
    ClientId id;
    try {
      id = new ClientId(clientId);
    } catch (InvalidValueException e) {
      throw new NotFoundException("no client with id " + clientId);
    }
    return new DisconnectView(id.value(), clients.disconnect(actor(request), id));
  }
}
