package ai.cinatra.planted.callingout.adapters.http;

import ai.cinatra.planted.callingout.application.port.out.remote.Webhooks;

/** Planted violation: the inbound HTTP adapter calling out itself instead of through a use case. */
public class Resource {
  private final Webhooks webhooks;

  public Resource(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  public void post(String body) {
    webhooks.send(body);
  }
}
