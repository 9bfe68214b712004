package ai.cinatra.adapters.http.admin;

import static ai.cinatra.adapters.http.admin.AdminSettingsResource.actor;

import ai.cinatra.adapters.http.admin.AdminResponses.AccountView;
import ai.cinatra.adapters.http.admin.AdminResponses.AccountsView;
import ai.cinatra.adapters.http.admin.AdminResponses.CreateAccountRequest;
import ai.cinatra.adapters.http.admin.AdminResponses.CreatedAccountView;
import ai.cinatra.adapters.http.admin.AdminResponses.RoleRequest;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.account.AccountAdminUseCase;
import ai.cinatra.application.port.in.account.CreateAccountCommand;
import ai.cinatra.application.port.in.account.CreatedAccount;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** Accounts: list, create, change a role, disable. */
@Path("/api/admin/accounts")
@AdminApi
@Produces(MediaType.APPLICATION_JSON)
public final class AdminAccountsResource {
  private final AccountAdminUseCase accounts;

  public AdminAccountsResource(AccountAdminUseCase accounts) {
    this.accounts = accounts;
  }

  @GET
  public AccountsView list(@Context ContainerRequestContext request) {
    return new AccountsView(
        accounts.listAccounts(actor(request)).stream().map(AccountView::of).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "201",
      description = "the account, and its generated password when none was given",
      content = @Content(schema = @Schema(implementation = CreatedAccountView.class)))
  public Response create(CreateAccountRequest body, @Context ContainerRequestContext request) {
    if (body == null || body.email() == null || body.role() == null) {
      throw new InvalidInputException("send {\"email\": …, \"role\": …, \"password\"?: …}");
    }
    CreatedAccount created =
        accounts.createAccount(
            actor(request),
            new CreateAccountCommand(
                new Email(body.email()),
                Role.parse(body.role()),
                Optional.ofNullable(body.password())));
    return Response.status(Response.Status.CREATED)
        .entity(
            new CreatedAccountView(
                AccountView.of(created.account()), created.generatedPassword().orElse(null)))
        .build();
  }

  @PUT
  @Path("{accountId}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  public AccountView changeRole(
      @PathParam("accountId") String accountId,
      RoleRequest body,
      @Context ContainerRequestContext request) {
    if (body == null || body.role() == null) {
      throw new InvalidInputException("send {\"role\": \"admin\" | \"member\" | \"viewer\"}");
    }
    return AccountView.of(
        accounts.changeRole(actor(request), id(accountId), Role.parse(body.role())));
  }

  @POST
  @Path("{accountId}/disable")
  public AccountView disable(
      @PathParam("accountId") String accountId, @Context ContainerRequestContext request) {
    return AccountView.of(accounts.disable(actor(request), id(accountId)));
  }

  private static AccountId id(String text) {
    try {
      return new AccountId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no account with id " + text);
    }
  }
}
