package ai.cinatra.planted.servicereach.application.service;

/** Planted: a service the adapter should have reached through an in-port. */
public class ThingService {
  public String thing() {
    return "thing";
  }
}
