package ai.cinatra.planted.libraries.adapters.oauth;

/** Planted violation: FreeMarker used outside the adapter it belongs to. */
public class UsesFreeMarker {
  public Class<?> used() {
    return freemarker.template.Template.class;
  }
}
