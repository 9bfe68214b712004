package ai.cinatra.bootstrap.command;

import ai.cinatra.application.port.in.account.ChangeRoleUseCase;
import ai.cinatra.application.port.in.account.CreateAccountCommand;
import ai.cinatra.application.port.in.account.CreateAccountUseCase;
import ai.cinatra.application.port.in.account.CreatedAccount;
import ai.cinatra.application.port.in.account.ListAccountsQuery;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code account create --email E --role R} and {@code account list}: manage accounts from the
 * machine the server runs on.
 */
public final class AccountCommand<T extends Configuration> extends OneLineCommand<T> {
  private static final String ACTION = "account-action";

  /** What the command needs from the running application, built from its configuration. */
  public interface Accounts
      extends CreateAccountUseCase, ListAccountsQuery, ChangeRoleUseCase, AutoCloseable {
    @Override
    void close();
  }

  private final Function<T, Accounts> opener;

  public AccountCommand(Class<T> configurationClass, Function<T, Accounts> opener) {
    super("account", "Create and list accounts, and change their roles", configurationClass);
    this.opener = opener;
  }

  @Override
  public void configure(Subparser subparser) {
    var actions = subparser.addSubparsers().title("actions").dest(ACTION);
    Subparser create =
        actions
            .addParser("create")
            .help(
                "create an account; the password is read from stdin, or generated and shown once");
    addFileArgument(create);
    create.addArgument("--email").required(true).help("the account's sign-in email");
    create
        .addArgument("--role")
        .setDefault("member")
        .help("admin, member or viewer (default: member)");
    Subparser role =
        actions
            .addParser("role")
            .help("change an account's role; it decides the account's very next call");
    addFileArgument(role);
    role.addArgument("--email").required(true).help("the account's sign-in email");
    role.addArgument("--role").required(true).help("admin, member or viewer");
    Subparser list = actions.addParser("list").help("list every account");
    addFileArgument(list);
  }

  @Override
  protected void run(Bootstrap<T> bootstrap, Namespace namespace, T configuration) {
    PrintStream out = System.out;
    String action = namespace.getString(ACTION);
    if ("create".equals(action)) {
      // Parse before opening the database so a typo fails fast and touches nothing.
      Email email = new Email(namespace.getString("email"));
      Role role = Role.parse(namespace.getString("role"));
      Optional<String> password = readPassword(email);
      try (Accounts accounts = opener.apply(configuration)) {
        CreatedAccount created =
            accounts.createAccount(new CreateAccountCommand(email, role, password));
        out.printf(
            "created %s account %s (%s)%n",
            role.wireName(), created.account().email(), created.account().id());
        created
            .generatedPassword()
            .ifPresent(p -> out.printf("generated password (shown only this once): %s%n", p));
      }
    } else if ("role".equals(action)) {
      Email email = new Email(namespace.getString("email"));
      Role role = Role.parse(namespace.getString("role"));
      try (Accounts accounts = opener.apply(configuration)) {
        Account changed = accounts.changeRole(email, role);
        out.printf("%s is now %s%n", changed.email(), changed.role().wireName());
      }
    } else {
      try (Accounts accounts = opener.apply(configuration)) {
        out.printf("%-36s  %-32s  %-6s  %-8s  %s%n", "ID", "EMAIL", "ROLE", "STATUS", "CREATED");
        for (Account a : accounts.listAccounts()) {
          out.printf(
              "%-36s  %-32s  %-6s  %-8s  %s%n",
              a.id(),
              a.email(),
              a.role().wireName(),
              a.status().name().toLowerCase(Locale.ROOT),
              a.createdAt());
        }
      }
    }
  }

  /**
   * An interactive terminal is asked without echo; piped input is read; no input means generate.
   */
  private static Optional<String> readPassword(Email email) {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Password for %s (leave empty to generate one): ", email);
      return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(new String(typed));
    }
    try {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      return line == null || line.isEmpty() ? Optional.empty() : Optional.of(line);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
