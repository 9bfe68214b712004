package ai.cinatra.application.fakes;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An AccountRepository in a map, for service tests. */
public final class InMemoryAccountRepository implements AccountRepository {
  private final Map<AccountId, Account> accounts = new LinkedHashMap<>();

  @Override
  public synchronized void add(Account account) {
    if (findByEmail(account.email()).isPresent()) {
      throw new ConflictException("duplicate email " + account.email());
    }
    accounts.put(account.id(), account);
  }

  @Override
  public synchronized Optional<Account> findById(AccountId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public synchronized Optional<Account> findByEmail(Email email) {
    return accounts.values().stream().filter(a -> a.email().equals(email)).findFirst();
  }

  @Override
  public synchronized void updateRole(AccountId id, ai.cinatra.domain.account.Role role) {
    accounts.computeIfPresent(id, (k, a) -> a.withRole(role));
  }

  @Override
  public synchronized void updateStatus(
      AccountId id, ai.cinatra.domain.account.AccountStatus status) {
    accounts.computeIfPresent(
        id,
        (k, a) ->
            new Account(a.id(), a.email(), a.role(), status, a.passwordHash(), a.createdAt()));
  }

  @Override
  public synchronized List<Account> list() {
    // Oldest first, as the database orders them (the repository contract holds the fake to it).
    List<Account> all = new ArrayList<>(accounts.values());
    all.sort(
        Comparator.comparing(Account::createdAt).thenComparing(a -> a.id().value().toString()));
    return all;
  }
}
