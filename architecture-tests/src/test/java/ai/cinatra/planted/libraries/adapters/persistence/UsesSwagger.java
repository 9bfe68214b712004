package ai.cinatra.planted.libraries.adapters.persistence;

/** Planted violation: swagger-core used outside the adapter it belongs to. */
public class UsesSwagger {
  public Class<?> used() {
    return io.swagger.v3.oas.models.OpenAPI.class;
  }
}
