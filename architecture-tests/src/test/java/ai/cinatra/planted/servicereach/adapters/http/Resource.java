package ai.cinatra.planted.servicereach.adapters.http;

import ai.cinatra.planted.servicereach.application.service.ThingService;

/** Planted violation: an adapter calling a service class instead of its in-port. */
public class Resource {
  public String get() {
    return new ThingService().thing();
  }
}
