package ai.cinatra.bootstrap;

import ai.cinatra.adapters.http.admin.AdminAccountsResource;
import ai.cinatra.adapters.http.admin.AdminActivityResource;
import ai.cinatra.adapters.http.admin.AdminAuthFilter;
import ai.cinatra.adapters.http.admin.AdminCatalogResource;
import ai.cinatra.adapters.http.admin.AdminClientsResource;
import ai.cinatra.adapters.http.admin.AdminErrorsMapper;
import ai.cinatra.adapters.http.admin.AdminSettingsResource;
import ai.cinatra.adapters.http.admin.OpenApiResource;
import ai.cinatra.adapters.http.error.ApplicationExceptionMapper;
import ai.cinatra.adapters.http.error.ControlCharacterInterceptor;
import ai.cinatra.adapters.http.error.InvalidValueExceptionMapper;
import ai.cinatra.adapters.http.error.RequestErrorMapper;
import ai.cinatra.adapters.http.error.RequestSizeLimitFilter;
import ai.cinatra.adapters.http.oauth.AuthorizeResource;
import ai.cinatra.adapters.http.oauth.DiscoveryResource;
import ai.cinatra.adapters.http.oauth.JwksResource;
import ai.cinatra.adapters.http.oauth.OAuthExceptionMapper;
import ai.cinatra.adapters.http.oauth.OAuthRootPaths;
import ai.cinatra.adapters.http.oauth.RegistrationResource;
import ai.cinatra.adapters.http.oauth.RevocationResource;
import ai.cinatra.adapters.http.oauth.TokenResource;
import ai.cinatra.adapters.http.page.HomeResource;
import ai.cinatra.adapters.http.session.SignInResource;
import ai.cinatra.adapters.http.web.AssetsResource;
import ai.cinatra.adapters.http.web.ConnectorSetupPageResource;
import ai.cinatra.adapters.http.web.RunPageResource;
import ai.cinatra.adapters.http.web.SetupPageResource;
import ai.cinatra.adapters.http.web.TunnelPageResource;
import ai.cinatra.adapters.http.web.WebPages;
import ai.cinatra.adapters.persistence.LiquibaseMigrator;
import ai.cinatra.adapters.persistence.run.DbSchedulerRuns;
import ai.cinatra.application.port.in.access.PersonalTokensUseCase;
import ai.cinatra.application.port.in.account.CreateAccountCommand;
import ai.cinatra.application.port.in.account.CreatedAccount;
import ai.cinatra.application.service.AccountService;
import ai.cinatra.application.service.ClientRegistrationService;
import ai.cinatra.bootstrap.command.AccountCommand;
import ai.cinatra.bootstrap.command.AgentCommand;
import ai.cinatra.bootstrap.command.CheckConnectionCommand;
import ai.cinatra.bootstrap.command.ConnectorCommand;
import ai.cinatra.bootstrap.command.KeysCommand;
import ai.cinatra.bootstrap.command.OneLine;
import ai.cinatra.bootstrap.command.TokenCommand;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.connector.Connector;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.dropwizard.migrations.DbCommand;
import io.dropwizard.views.common.ViewBundle;
import io.dropwizard.views.freemarker.FreemarkerViewRenderer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.server.ServerProperties;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Cinatra server and its commands: the one place that knows every module and wires them. */
public class CinatraApplication extends Application<CinatraConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(CinatraApplication.class);

  public static void main(String[] args) throws Exception {
    // H2's embedded server (AUTO_SERVER, so commands can share the file with a running server)
    // listens on loopback only.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
    new CinatraApplication().run(args);
  }

  @Override
  public String getName() {
    return "cinatra";
  }

  @Override
  public void initialize(Bootstrap<CinatraConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.setConfigurationFactoryFactory(new BundledDefaultConfigurationFactoryFactory<>());
    bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    // 2.3.34's defaults make .ftlh templates HTML with auto-escaping (the templates say so too).
    bootstrap.addBundle(
        new ViewBundle<>(
            List.of(new FreemarkerViewRenderer(freemarker.template.Configuration.VERSION_2_3_34))));
    bootstrap.addCommand(
        new DbCommand<>(
            "db",
            configuration -> configuration.getDatabase().toDataSourceFactory(),
            CinatraConfiguration.class,
            LiquibaseMigrator.CHANGELOG) {
          @Override
          public void onError(Cli cli, Namespace namespace, Throwable e) {
            cli.getStdErr().println(OneLine.of(e));
          }
        });
    bootstrap.addCommand(
        new AccountCommand<>(CinatraConfiguration.class, CinatraApplication::openAccounts));
    bootstrap.addCommand(new CheckConnectionCommand());
    bootstrap.addCommand(
        new AgentCommand<>(
            CinatraConfiguration.class,
            configuration -> {
              OpenDatabase database = OpenDatabase.open(configuration);
              return new AgentCommand.Agents() {
                @Override
                public boolean install(AgentDefinition agent) {
                  return database.wiring().agents().install(agent);
                }

                @Override
                public Set<String> configuredConnectors() {
                  return database.wiring().connectors().configured().stream()
                      .map(Connector::name)
                      .collect(Collectors.toSet());
                }

                @Override
                public void close() {
                  database.close();
                }
              };
            }));
    bootstrap.addCommand(
        new ConnectorCommand<>(
            CinatraConfiguration.class,
            configuration -> {
              OpenDatabase database = OpenDatabase.open(configuration);
              return new ConnectorCommand.Connectors() {
                @Override
                public boolean configure(Map<String, Object> document, Optional<String> secret) {
                  return database.wiring().connectors().configure(document, secret);
                }

                @Override
                public void configureModel(URI baseUrl, String model, Optional<String> apiKey) {
                  database.wiring().connectors().configureModel(baseUrl, model, apiKey);
                }

                @Override
                public void close() {
                  database.close();
                }
              };
            }));
    bootstrap.addCommand(
        new TokenCommand<>(
            CinatraConfiguration.class,
            configuration -> {
              OpenDatabase database = OpenDatabase.open(configuration);
              return new TokenCommand.Tokens() {
                @Override
                public PersonalTokensUseCase use() {
                  return database.wiring().personalTokens();
                }

                @Override
                public void close() {
                  database.close();
                }
              };
            }));
    bootstrap.addCommand(
        new KeysCommand<>(
            CinatraConfiguration.class,
            configuration -> {
              try (OpenDatabase database = OpenDatabase.open(configuration)) {
                return database.wiring().signingKeys().rotateSigningKey();
              }
            }));
  }

  /** `server` and `check`, answering failures with one line instead of a stack trace. */
  @Override
  protected void addDefaultCommands(Bootstrap<CinatraConfiguration> bootstrap) {
    bootstrap.addCommand(
        new ServerCommand<>(this) {
          @Override
          public void onError(Cli cli, Namespace namespace, Throwable e) {
            cli.getStdErr().println(OneLine.of(e));
          }
        });
    bootstrap.addCommand(
        new CheckCommand<>(this) {
          // Said on standard output directly: the log line alone can be lost when the JVM exits
          // before the asynchronous console appender writes it.
          @Override
          protected void run(
              Bootstrap<CinatraConfiguration> bootstrap,
              Namespace namespace,
              CinatraConfiguration configuration) {
            System.out.println("configuration is valid");
          }
        });
  }

  @Override
  public void run(CinatraConfiguration configuration, Environment environment) {
    DatabaseSettings settings = configuration.getDatabase();
    DataSourceFactory dataSourceFactory = settings.toDataSourceFactory();
    ManagedDataSource dataSource = dataSourceFactory.build(environment.metrics(), "database");
    Databases.migrate(dataSource, settings);
    Jdbi jdbi = new JdbiFactory().build(environment, dataSourceFactory, dataSource, "database");
    if (configuration.getOauth().getClientMetadataDocuments().allowHttpLoopback) {
      LOG.warn(
          "oauth.clientMetadataDocuments.allowHttpLoopback is on: client metadata documents are"
              + " fetched from http://localhost too. This is for tests and local development only;"
              + " turn it off (CINATRA_CIMD_ALLOW_HTTP_LOOPBACK=false) on a real server.");
    }
    Wiring wiring = Wiring.on(jdbi, clock(), configuration);
    wiring.signingKeys().ensureActiveKey();
    // Opens the key in service now, so a wrong key-encryption key stops the start, not a sign-in.
    wiring.signingKeys().jwks();
    scheduleClientCleanup(environment, wiring.clientRegistration(), configuration.getOauth());
    pollAccessChanges(environment, wiring);
    startRunWorkers(environment, dataSource, wiring, configuration.getRuns());
    announceWhereItListens(environment, configuration, wiring);
    exitAfterStartWhenTraining(environment);

    // Keep Location headers relative: behind a TLS-terminating proxy, Jersey would otherwise make
    // them absolute with the internal scheme and host, and sign-in would send people there.
    environment
        .jersey()
        .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
    environment.jersey().register(new ApplicationExceptionMapper());
    environment.jersey().register(new InvalidValueExceptionMapper());
    environment.jersey().register(new OAuthExceptionMapper());
    environment.jersey().register(new HomeResource(wiring.serverAddress()));
    environment
        .jersey()
        .register(
            new DiscoveryResource(
                wiring.serverAddress(),
                configuration.getOauth().getClientMetadataDocuments().enabled));
    environment.jersey().register(new JwksResource(wiring.signingKeys()));
    environment.jersey().register(new SignInResource(wiring.signIn(), wiring.serverAddress()));
    environment
        .jersey()
        .register(
            new AuthorizeResource(wiring.authorization(), wiring.signIn(), wiring.serverAddress()));
    environment.jersey().register(new TokenResource(wiring.tokens()));
    environment.jersey().register(new OAuthRootPaths());
    environment.jersey().register(new RevocationResource(wiring.tokens()));
    environment.jersey().register(new RequestErrorMapper());
    environment.jersey().register(new ControlCharacterInterceptor());
    environment.jersey().register(new DatabaseOutageMapper());
    environment
        .jersey()
        .register(
            new RequestSizeLimitFilter(
                (int) configuration.getMcp().maxRequestSize.toBytes(), 64 << 10));
    McpEndpoint.register(environment, wiring, configuration, version());
    registerAdminApi(environment, wiring);
    registerPages(environment, wiring);
    environment
        .jersey()
        .register(
            new RegistrationResource(
                wiring.clientRegistration(),
                wiring.serverAddress(),
                environment.getObjectMapper()));
  }

  /**
   * Once Jetty has started, the last line of the start-up log says where the server listens, the
   * MCP Server URL clients are given, and, while no account exists, where to create the first
   * admin: a new operator reads it without knowing the configuration.
   */
  private static void announceWhereItListens(
      Environment environment, CinatraConfiguration configuration, Wiring wiring) {
    if (configuration.baseUrlDerived()) {
      LOG.info(
          "CINATRA_BASE_URL is not set: using {} (from the port). Claude on the web needs a public"
              + " https URL: set CINATRA_BASE_URL, or the public URL on the connector page.",
          configuration.getBaseUrl());
    }
    environment
        .lifecycle()
        .addServerLifecycleListener(
            new ServerLifecycleListener() {
              @Override
              public void serverStarted(Server server) {
                String host = configuration.applicationBindHost();
                String listening =
                    "http://"
                        + (host.contains(":") ? "[" + host + "]" : host)
                        + ":"
                        + getLocalPort(server);
                String base = wiring.serverAddress().current().issuer();
                String line =
                    "Cinatra is listening on "
                        + listening
                        + " — MCP Server URL: "
                        + wiring.serverAddress().current().mcpResource();
                if (wiring.firstRun().isOpen()) {
                  line +=
                      " — no account yet: open "
                          + base
                          + "/setup in a browser on this machine to create the first admin";
                }
                LOG.info(line);
              }
            });
  }

  /** Set to true for a class-data-sharing training run: start fully, then exit (README). */
  static final String EXIT_AFTER_START = "cinatra.exitAfterStart";

  /**
   * A training run ({@code -XX:ArchiveClassesAtExit=cinatra.jsa -Dcinatra.exitAfterStart=true})
   * loads every class a start needs and exits, so the JVM archives them; later starts with {@code
   * -XX:SharedArchiveFile=cinatra.jsa} map them instead of reading them from the jar (bench/
   * RESULTS.md: about 2 s of a 5 s start is loading classes). The same approach as Spring Boot's
   * {@code -Dspring.context.exit=onRefresh}.
   */
  private static void exitAfterStartWhenTraining(Environment environment) {
    if (!Boolean.getBoolean(EXIT_AFTER_START)) {
      return;
    }
    environment
        .lifecycle()
        .addServerLifecycleListener(
            server -> {
              LOG.info(
                  "{} is set: started, now exiting (a class-data training run)", EXIT_AFTER_START);
              // Not on the starting thread: exiting runs the shutdown hook, which stops this
              // server.
              new Thread(() -> System.exit(0), "exit-after-start").start();
            });
  }

  /** The time every rule is judged by; the system clock, unless a subclass knows better. */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  /** The operator's pages: first run, the connector page, the public URL, the run page. */
  private static void registerPages(Environment environment, Wiring wiring) {
    var jersey = environment.jersey();
    WebPages pages = new WebPages(wiring.signIn());
    jersey.register(new AssetsResource());
    jersey.register(
        new SetupPageResource(wiring.firstRun(), wiring.signIn(), wiring.serverAddress()));
    jersey.register(new TunnelPageResource(pages, wiring.serverAddress()));
    jersey.register(
        new ConnectorSetupPageResource(pages, wiring.serverAddress(), wiring.clientAdmin()));
    jersey.register(new RunPageResource(pages, wiring.runs()));
  }

  /** The REST admin API under /api/admin and its OpenAPI document. */
  private static void registerAdminApi(Environment environment, Wiring wiring) {
    var jersey = environment.jersey();
    jersey.register(new AdminAuthFilter(wiring.bearer(), wiring.personalTokens()));
    jersey.register(new AdminErrorsMapper());
    jersey.register(new AdminSettingsResource(wiring.serverAddress()));
    jersey.register(new AdminClientsResource(wiring.clientAdmin()));
    jersey.register(new AdminAccountsResource(wiring.accountAdmin()));
    jersey.register(new AdminCatalogResource(wiring.connectors(), wiring.agents()));
    jersey.register(new AdminActivityResource(wiring.runs(), wiring.accountAdmin()));
    jersey.register(new OpenApiResource(version()));
  }

  /** db-scheduler's workers for agent runs, started and stopped with the server. */
  private static void startRunWorkers(
      Environment environment, ManagedDataSource dataSource, Wiring wiring, RunSettings settings) {
    DbSchedulerRuns workers =
        new DbSchedulerRuns(
            dataSource,
            wiring::runEngine,
            wiring.runStore(),
            new DbSchedulerRuns.Settings(
                settings.workerThreads,
                Duration.ofMillis(settings.pollingInterval.toMilliseconds()),
                Duration.ofMillis(settings.heartbeatInterval.toMilliseconds())));
    wiring.runScheduler().set(workers);
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void start() {
                workers.start();
              }

              @Override
              public void stop() {
                workers.stop();
              }
            });
  }

  private static String version() {
    String version = CinatraApplication.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /**
   * Deletes clients that registered and never came back; every node may run it, it is idempotent.
   */
  private static void scheduleClientCleanup(
      Environment environment, ClientRegistrationService registration, OAuthSettings oauth) {
    ScheduledExecutorService scheduler =
        environment.lifecycle().scheduledExecutorService("client-cleanup").threads(1).build();
    long every = oauth.getCleanupEvery().toMilliseconds();
    Duration unusedFor = Duration.ofMillis(oauth.getAbandonedClientAfter().toMilliseconds());
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            int deleted = registration.deleteAbandonedClients(unusedFor);
            if (deleted > 0) {
              LOG.info("deleted {} OAuth clients never used within {}", deleted, unusedFor);
            }
          } catch (RuntimeException e) {
            LOG.warn("client cleanup failed; it runs again in {} ms", every, e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Keeps this node's in-memory grants, accounts and sessions current with the other nodes' writes
   * (the shared change counter, read every 200 ms); until the first read, nothing is served from
   * memory.
   */
  private static void pollAccessChanges(Environment environment, Wiring wiring) {
    ScheduledExecutorService poller =
        environment.lifecycle().scheduledExecutorService("access-changes").threads(1).build();
    long every = Wiring.ACCESS_CHANGES_POLLED_EVERY.toMillis();
    poller.scheduleWithFixedDelay(wiring.accessCache()::poll, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Opens the database for an account command, closing it when the command ends. */
  private static AccountCommand.Accounts openAccounts(CinatraConfiguration configuration) {
    OpenDatabase database = OpenDatabase.open(configuration);
    AccountService accounts = database.wiring().accounts();
    return new AccountCommand.Accounts() {
      @Override
      public CreatedAccount createAccount(CreateAccountCommand command) {
        return accounts.createAccount(command);
      }

      @Override
      public Account changeRole(Email email, Role role) {
        return accounts.changeRole(email, role);
      }

      @Override
      public List<Account> listAccounts() {
        return accounts.listAccounts();
      }

      @Override
      public void close() {
        database.close();
      }
    };
  }
}
