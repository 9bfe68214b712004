package ai.cinatra.bootstrap.command;

import ai.cinatra.application.port.in.access.PersonalTokensUseCase;
import ai.cinatra.domain.access.PersonalAccessToken;
import ai.cinatra.domain.account.Email;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code token create --email E [--name N]}, {@code token list --email E} and {@code token revoke
 * --id ID}: personal access tokens for admin scripts calling the REST admin API. A new token is
 * printed once; only its hash is stored.
 */
public final class TokenCommand<T extends Configuration> extends OneLineCommand<T> {

  /** Where tokens are kept; closed when the command ends. */
  public interface Tokens extends AutoCloseable {
    PersonalTokensUseCase use();

    @Override
    void close();
  }

  private final Function<T, Tokens> opener;

  public TokenCommand(Class<T> configurationClass, Function<T, Tokens> opener) {
    super("token", "Manage personal access tokens for the REST admin API", configurationClass);
    this.opener = opener;
  }

  @Override
  public void configure(Subparser subparser) {
    var actions = subparser.addSubparsers().title("actions").dest("token-action");
    Subparser create = actions.addParser("create").help("a new token for an admin account");
    addFileArgument(create);
    create.addArgument("--email").required(true).help("the admin account the token acts as");
    create.addArgument("--name").setDefault("admin script").help("what the token is for");
    Subparser list = actions.addParser("list").help("an account's tokens (never their secrets)");
    addFileArgument(list);
    list.addArgument("--email").required(true);
    Subparser revoke = actions.addParser("revoke").help("stops a token at once");
    addFileArgument(revoke);
    revoke.addArgument("--id").required(true).help("the token's id, as list shows it");
  }

  @Override
  protected void run(Bootstrap<T> bootstrap, Namespace namespace, T configuration) {
    String action = namespace.getString("token-action");
    try (Tokens tokens = opener.apply(configuration)) {
      switch (action) {
        case "create" -> {
          PersonalTokensUseCase.CreatedToken created =
              tokens
                  .use()
                  .create(new Email(namespace.getString("email")), namespace.getString("name"));
          System.out.println(created.secret());
          System.err.printf(
              "token %s created for %s; it is shown only this once%n",
              created.token().id(), namespace.getString("email"));
        }
        case "list" -> {
          List<PersonalAccessToken> all =
              tokens.use().list(new Email(namespace.getString("email")));
          for (PersonalAccessToken t : all) {
            System.out.printf(
                "%s  %-20s  created %s  last used %s%s%n",
                t.id(),
                t.name(),
                t.createdAt(),
                t.lastUsedAt().map(Object::toString).orElse("never"),
                t.revokedAt().map(r -> "  revoked " + r).orElse(""));
          }
          if (all.isEmpty()) {
            System.out.println("no tokens");
          }
        }
        default -> {
          UUID id;
          try {
            id = UUID.fromString(namespace.getString("id"));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--id is a token id as `token list` prints it", e);
          }
          if (!tokens.use().revoke(id)) {
            throw new IllegalArgumentException("no active token with id " + id);
          }
          System.out.println("token " + id + " revoked");
        }
      }
    }
  }
}
