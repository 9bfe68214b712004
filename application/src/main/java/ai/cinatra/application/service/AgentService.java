package ai.cinatra.application.service;

import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.agent.AgentsUseCase;
import ai.cinatra.application.port.out.AgentRepository;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.CatalogChangeListener;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Installs and reads agents. */
public final class AgentService implements AgentsUseCase {
  static final int PAGE_SIZE = 50;

  private final AgentRepository agents;
  private final Auditor auditor;
  private final Clock clock;
  private final CatalogChangeListener catalog;

  public AgentService(
      AgentRepository agents,
      AuditRepository audit,
      TransactionRunner transactions,
      CatalogChangeListener catalog,
      Clock clock) {
    this.agents = agents;
    this.catalog = catalog;
    this.auditor = new Auditor(audit, transactions, clock);
    this.clock = clock;
  }

  @Override
  public boolean install(AgentDefinition agent) {
    boolean isNew = agents.install(agent, clock.instant());
    catalog.catalogChanged();
    return isNew;
  }

  @Override
  public boolean install(Actor actor, AgentDefinition agent) {
    return auditor.mutate(
        actor,
        Primitive.AGENTS_INSTALL,
        "agents_install",
        agent.id().value(),
        () -> install(agent));
  }

  @Override
  public AgentPage list(Actor actor, Optional<String> cursor) {
    Auditor.require(actor, Primitive.AGENTS_READ, "read agents");
    Optional<AgentId> after;
    try {
      after = cursor.map(AgentId::new);
    } catch (InvalidValueException e) {
      throw new InvalidInputException("invalid cursor; pass back a nextCursor this server gave");
    }
    List<AgentDefinition> page = agents.page(after, PAGE_SIZE + 1);
    if (page.size() <= PAGE_SIZE) {
      return new AgentPage(page, Optional.empty());
    }
    List<AgentDefinition> shown = page.subList(0, PAGE_SIZE);
    return new AgentPage(shown, Optional.of(shown.get(PAGE_SIZE - 1).id().value()));
  }

  @Override
  public List<AgentDefinition> installed() {
    List<AgentDefinition> all = new ArrayList<>();
    Optional<AgentId> after = Optional.empty();
    List<AgentDefinition> page;
    do {
      page = agents.page(after, PAGE_SIZE);
      all.addAll(page);
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
    } while (page.size() == PAGE_SIZE);
    return all;
  }

  @Override
  public AgentDefinition source(Actor actor, AgentId id) {
    Auditor.require(actor, Primitive.AGENTS_READ, "read agents");
    return agents.find(id).orElseThrow(() -> new NotFoundException("no agent with id " + id));
  }
}
