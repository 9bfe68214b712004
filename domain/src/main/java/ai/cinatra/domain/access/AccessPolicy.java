package ai.cinatra.domain.access;

import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.run.AgentRun;

/**
 * Who may do what: a primitive needs at least its role; a run is visible to the account that
 * started it and to admins. Asked with the actor's current role on every call.
 */
public final class AccessPolicy {
  private AccessPolicy() {}

  public static boolean may(Actor actor, Primitive primitive) {
    return actor.role().includes(primitive.requiredRole());
  }

  /** Whether the actor may see (and, with RUNS_OWN, act on) this run. */
  public static boolean maySee(Actor actor, AgentRun run) {
    return may(actor, Primitive.RUNS_OWN)
        && (actor.role() == Role.ADMIN || run.startedBy().equals(actor.account()));
  }
}
