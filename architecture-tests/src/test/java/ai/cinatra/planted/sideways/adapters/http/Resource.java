package ai.cinatra.planted.sideways.adapters.http;

import ai.cinatra.planted.sideways.adapters.persistence.Repository;

/** Planted violation: one adapter depending on another. */
public class Resource {
  public Repository repository() {
    return new Repository();
  }
}
