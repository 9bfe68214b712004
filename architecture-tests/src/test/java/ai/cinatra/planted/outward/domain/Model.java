package ai.cinatra.planted.outward.domain;

import ai.cinatra.planted.outward.adapters.http.Resource;

/** Planted violation: the domain reaching out to an adapter. */
public class Model {
  public Resource resource() {
    return new Resource();
  }
}
