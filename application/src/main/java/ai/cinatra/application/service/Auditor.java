package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.error.UpstreamException;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.access.AccessPolicy;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.audit.AuditEntry;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Runs a mutating primitive: checks the actor's current role, does the work and writes its audit
 * entry in one transaction; a refusal or failure is audited too, and nothing else is written.
 */
final class Auditor {
  private final AuditRepository audit;
  private final TransactionRunner transactions;
  private final Clock clock;

  Auditor(AuditRepository audit, TransactionRunner transactions, Clock clock) {
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  <T> T mutate(Actor actor, Primitive primitive, String action, String target, Supplier<T> work) {
    return audited(
        actor,
        primitive,
        action,
        target,
        () ->
            transactions.inTransaction(
                () -> {
                  T result = work.get();
                  record(actor, action, target, "ok");
                  return result;
                }));
  }

  /**
   * The same for work that writes nothing here but reaches outside (a connector call): it runs
   * outside any transaction, so a slow remote holds no database connection, and its audit entry is
   * written when it ends.
   */
  <T> T reachOut(Actor actor, Primitive primitive, String action, String target, Supplier<T> work) {
    return audited(
        actor,
        primitive,
        action,
        target,
        () -> {
          T result = work.get();
          record(actor, action, target, "ok");
          return result;
        });
  }

  private <T> T audited(
      Actor actor, Primitive primitive, String action, String target, Supplier<T> work) {
    try {
      require(actor, primitive, action);
      return work.get();
    } catch (ForbiddenException e) {
      record(actor, action, target, "refused");
      throw e;
    } catch (NotFoundException e) {
      record(actor, action, target, "not_found");
      throw e;
    } catch (ConflictException e) {
      record(actor, action, target, "conflict");
      throw e;
    } catch (InvalidInputException | InvalidValueException e) {
      record(actor, action, target, "invalid");
      throw e;
    } catch (UpstreamException e) {
      record(actor, action, target, "upstream_failed");
      throw e;
    }
  }

  /** Refuses what the actor's role does not allow, saying which role it needs. */
  static void require(Actor actor, Primitive primitive, String action) {
    if (!AccessPolicy.may(actor, primitive)) {
      throw new ForbiddenException(
          "your role ("
              + actor.role().wireName()
              + ") may not "
              + action
              + "; it needs "
              + primitive.requiredRole().wireName());
    }
  }

  private void record(Actor actor, String action, String target, String outcome) {
    audit.append(
        new AuditEntry(
            0, actor.account(), actor.client(), action, target, outcome, clock.instant()));
  }
}
