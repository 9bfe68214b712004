package ai.cinatra.adapters.http.admin;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The REST admin API's OpenAPI 3 document, read from the resource classes themselves by
 * swagger-core, so it cannot drift from the code. Public: it describes, it grants nothing.
 */
@Path("/api/admin/openapi.json")
public final class OpenApiResource {
  /** The resources the document describes. */
  public static final List<Class<?>> RESOURCES =
      List.of(
          AdminSettingsResource.class,
          AdminClientsResource.class,
          AdminAccountsResource.class,
          AdminCatalogResource.class,
          AdminActivityResource.class);

  private final String version;
  private String document;

  public OpenApiResource(String version) {
    this.version = version;
  }

  /** Read from the resources on first request, not at start-up. */
  private synchronized String document() {
    if (document != null) {
      return document;
    }
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("Cinatra admin API")
                    .version(version)
                    .description(
                        "For admin accounts: a personal access token (token create) or an"
                            + " access token of this server, as a Bearer token. Errors are RFC"
                            + " 9457 problem details (application/problem+json)."))
            .components(
                new Components()
                    .addSecuritySchemes(
                        "bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
            .addSecurityItem(new SecurityRequirement().addList("bearer"));
    OpenAPI read =
        new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(true))
            .read(new LinkedHashSet<>(RESOURCES));
    document = Json.pretty(read);
    return document;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    return Response.ok(document()).build();
  }
}
