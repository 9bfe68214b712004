package ai.cinatra.planted.libraries.adapters.oauth;

/** Planted violation: Mappers used outside the adapter it belongs to. */
public class UsesMapStruct {
  public Class<?> used() {
    return org.mapstruct.factory.Mappers.class;
  }
}
