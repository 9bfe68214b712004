package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.fakes.DirectTransactions;
import ai.cinatra.application.fakes.InMemoryAccountRepository;
import ai.cinatra.application.fakes.InMemoryWorkspace;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.audit.AuditEntry;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountAdminServiceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  private final InMemoryWorkspace audit = new InMemoryWorkspace();
  private final List<AccountId> told = new ArrayList<>();
  private final AccountAdminService admin =
      new AccountAdminService(
          accounts,
          audit,
          new DirectTransactions(),
          told::add,
          new AccountService(
              accounts,
              new ai.cinatra.application.fakes.ReversingPasswordHasher(),
              clock,
              told::add),
          clock);

  private Account account(String email, Role role) {
    Account account =
        Account.create(new Email(email), role, new PasswordHash("$argon2id$x"), clock.instant());
    accounts.add(account);
    return account;
  }

  private static Actor actor(Account account) {
    return new Actor(
        account.id(),
        account.email(),
        account.role(),
        new ClientId("mcp_c"),
        GrantId.random(),
        Set.of());
  }

  @Test
  void anAdmin_changesRolesAndDisablesAccounts_andEachChangeIsAudited() {
    Account boss = account("boss@example.org", Role.ADMIN);
    Account dev = account("dev@example.org", Role.MEMBER);

    assertThat(admin.listAccounts(actor(boss))).hasSize(2);
    assertThat(admin.changeRole(actor(boss), dev.id(), Role.VIEWER).role()).isEqualTo(Role.VIEWER);
    assertThat(told).containsExactly(dev.id());
    assertThat(admin.disable(actor(boss), dev.id()).status()).isEqualTo(AccountStatus.DISABLED);
    assertThat(accounts.findById(dev.id()).orElseThrow().isActive()).isFalse();
    assertThatThrownBy(() -> admin.disable(actor(boss), AccountId.random()))
        .isInstanceOf(NotFoundException.class);
    assertThat(admin.audit(actor(boss), Optional.empty(), 10))
        .extracting(AuditEntry::action)
        .containsExactly("accounts_disable", "accounts_disable", "accounts_role_update");
  }

  @Test
  void theLastActiveAdmin_cannotBeDemotedOrDisabled_butOneOfTwoCan() {
    Account boss = account("boss@example.org", Role.ADMIN);
    assertThatThrownBy(() -> admin.changeRole(actor(boss), boss.id(), Role.MEMBER))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("always keeps one active admin");
    assertThatThrownBy(() -> admin.disable(actor(boss), boss.id()))
        .isInstanceOf(ConflictException.class);
    assertThat(accounts.findById(boss.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);

    Account second = account("second@example.org", Role.ADMIN);
    assertThat(admin.changeRole(actor(boss), second.id(), Role.MEMBER).role())
        .isEqualTo(Role.MEMBER);
    assertThat(audit.audit)
        .extracting(AuditEntry::outcome)
        .containsExactly("conflict", "conflict", "ok");
  }

  @Test
  void membersAndViewers_areRefused_andTheRefusalIsAudited() {
    Account boss = account("boss@example.org", Role.ADMIN);
    Account dev = account("dev@example.org", Role.MEMBER);
    assertThatThrownBy(() -> admin.listAccounts(actor(dev))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> admin.changeRole(actor(dev), dev.id(), Role.ADMIN))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("needs admin");
    assertThatThrownBy(() -> admin.audit(actor(dev), Optional.empty(), 10))
        .isInstanceOf(ForbiddenException.class);
    assertThat(accounts.findById(dev.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);
    assertThat(audit.audit).extracting(AuditEntry::outcome).containsExactly("refused");
    assertThat(told).isEmpty();
    assertThat(boss.role()).isEqualTo(Role.ADMIN);
  }
}
