package ai.cinatra.bootstrap;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.tool.NetworkntJsonSchemaCheck;
import ai.cinatra.adapters.oauth.AeadSealer;
import ai.cinatra.adapters.oauth.Argon2PasswordHasher;
import ai.cinatra.adapters.oauth.Jose4jAccessTokens;
import ai.cinatra.adapters.oauth.KeyEncryption;
import ai.cinatra.adapters.oauth.RsaSigningKeyFactory;
import ai.cinatra.adapters.oauth.SealedSecrets;
import ai.cinatra.adapters.outbound.JettyClientMetadataDocuments;
import ai.cinatra.adapters.outbound.JettyHttpOutbound;
import ai.cinatra.adapters.outbound.OpenAiCompatibleLanguageModel;
import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.access.JdbiPersonalAccessTokenRepository;
import ai.cinatra.adapters.persistence.account.JdbiAccountRepository;
import ai.cinatra.adapters.persistence.account.JdbiWebSessionRepository;
import ai.cinatra.adapters.persistence.agent.JdbiAgentRepository;
import ai.cinatra.adapters.persistence.audit.JdbiAuditRepository;
import ai.cinatra.adapters.persistence.cache.AccessCache;
import ai.cinatra.adapters.persistence.cache.AccessChanges;
import ai.cinatra.adapters.persistence.cache.CachedAccountRepository;
import ai.cinatra.adapters.persistence.cache.CachedAgentRepository;
import ai.cinatra.adapters.persistence.cache.CachedConnectorRepository;
import ai.cinatra.adapters.persistence.cache.CachedGrantRepository;
import ai.cinatra.adapters.persistence.cache.CachedMcpSessionRepository;
import ai.cinatra.adapters.persistence.connector.JdbiConnectorRepository;
import ai.cinatra.adapters.persistence.connector.JdbiModelProviderRepository;
import ai.cinatra.adapters.persistence.mcp.JdbiMcpMessageRepository;
import ai.cinatra.adapters.persistence.mcp.JdbiMcpSessionRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiAuthorizationCodeRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiClientRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiConsentRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiGrantRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiRefreshTokenRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiSigningKeyRepository;
import ai.cinatra.adapters.persistence.run.JdbiRunRepository;
import ai.cinatra.adapters.persistence.settings.JdbiSettingsRepository;
import ai.cinatra.adapters.persistence.workspace.JdbiListRepository;
import ai.cinatra.adapters.persistence.workspace.JdbiObjectRepository;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.AgentRepository;
import ai.cinatra.application.port.out.ConnectorRepository;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.application.port.out.remote.ClientMetadataDocuments;
import ai.cinatra.application.port.out.remote.OutboundHttp;
import ai.cinatra.application.service.AccountAdminService;
import ai.cinatra.application.service.AccountService;
import ai.cinatra.application.service.AgentService;
import ai.cinatra.application.service.AuthorizationService;
import ai.cinatra.application.service.BearerAuthenticationService;
import ai.cinatra.application.service.ClientAdminService;
import ai.cinatra.application.service.ClientRegistrationService;
import ai.cinatra.application.service.ClientResolver;
import ai.cinatra.application.service.ConnectorService;
import ai.cinatra.application.service.FirstRunService;
import ai.cinatra.application.service.ListService;
import ai.cinatra.application.service.McpSessionService;
import ai.cinatra.application.service.McpStreamService;
import ai.cinatra.application.service.ObjectService;
import ai.cinatra.application.service.PersonalTokenService;
import ai.cinatra.application.service.RequestStateService;
import ai.cinatra.application.service.RunEngine;
import ai.cinatra.application.service.RunService;
import ai.cinatra.application.service.ServerAddressService;
import ai.cinatra.application.service.SignInService;
import ai.cinatra.application.service.SigningKeyService;
import ai.cinatra.application.service.TokenService;
import ai.cinatra.domain.oauth.ServerAddress;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The core's services built on their adapters, with `new`; shared by the server and the commands.
 */
record Wiring(
    AccountService accounts,
    ClientRegistrationService clientRegistration,
    ServerAddressService serverAddress,
    SigningKeyService signingKeys,
    Jose4jAccessTokens accessTokens,
    AuthorizationService authorization,
    TokenService tokens,
    SignInService signIn,
    BearerAuthenticationService bearer,
    McpSessionService mcpSessions,
    McpStreamService mcpStreams,
    RequestStateService requestStates,
    ObjectService objects,
    ListService lists,
    AccountAdminService accountAdmin,
    AgentService agents,
    RunService runs,
    RunEngine runEngine,
    JdbiRunRepository runStore,
    DeferredRunScheduler runScheduler,
    ConnectorService connectors,
    ClientAdminService clientAdmin,
    PersonalTokenService personalTokens,
    FirstRunService firstRun,
    AccessCache accessCache) {

  /** How often each node reads the shared change counter (see {@link AccessCache}). */
  static final Duration ACCESS_CHANGES_POLLED_EVERY = Duration.ofMillis(200);

  /**
   * How long after its last successful poll a node still serves grants, accounts and sessions from
   * memory: the bound on how late it learns of a disconnect, a disable or a role change made on
   * another node. Past it, every request reads the database again.
   */
  static final Duration ACCESS_CACHE_TRUSTED_FOR = Duration.ofMillis(800);

  /** Largest connector answer a step keeps; more is refused rather than cut silently. */
  static final int MAX_CONNECTOR_RESPONSE_BYTES = 1 << 20;

  static Wiring on(Jdbi jdbi, Clock clock, CinatraConfiguration configuration) {
    JdbiSetup.configure(jdbi);
    OAuthSettings oauth = configuration.getOauth();
    KeyEncryption keyEncryption = new KeyEncryption(KeyEncryptionKeys.resolve(oauth));
    JdbiSigningKeyRepository keys = new JdbiSigningKeyRepository(jdbi);
    Jose4jAccessTokens accessTokens =
        new Jose4jAccessTokens(
            keys,
            keyEncryption,
            clock,
            Duration.ofMillis(oauth.getAccessTokenLifetime().toMilliseconds()));
    AccessCache accessCache =
        new AccessCache(new AccessChanges(jdbi), ACCESS_CACHE_TRUSTED_FOR, System::nanoTime);
    AccountRepository accounts =
        new CachedAccountRepository(new JdbiAccountRepository(jdbi), accessCache);
    McpSessionRepository mcpSessions =
        new CachedMcpSessionRepository(new JdbiMcpSessionRepository(jdbi), accessCache);
    McpStreamService mcpStreams =
        new McpStreamService(
            new JdbiMcpMessageRepository(jdbi),
            mcpSessions,
            clock,
            JsonRpc.TOOLS_LIST_CHANGED,
            accessCache::poll);
    Argon2PasswordHasher hasher = new Argon2PasswordHasher();
    JdbiClientRepository clients = new JdbiClientRepository(jdbi);
    GrantRepository grants = new CachedGrantRepository(new JdbiGrantRepository(jdbi), accessCache);
    JdbiAuthorizationCodeRepository codes = new JdbiAuthorizationCodeRepository(jdbi);
    JdbiTransactions transactions = new JdbiTransactions(jdbi);
    JdbiObjectRepository objects = new JdbiObjectRepository(jdbi);
    JdbiListRepository lists = new JdbiListRepository(jdbi);
    JdbiAuditRepository audit = new JdbiAuditRepository(jdbi);
    AgentRepository agentStore =
        new CachedAgentRepository(new JdbiAgentRepository(jdbi), accessCache);
    AgentService agentService =
        new AgentService(
            agentStore, audit, transactions, mcpStreams::announceToolsChangedToEveryone, clock);
    JdbiRunRepository runStore = new JdbiRunRepository(jdbi);
    DeferredRunScheduler runScheduler = new DeferredRunScheduler();
    RunService runService =
        new RunService(
            runStore,
            runStore,
            agentStore,
            runScheduler,
            audit,
            transactions,
            new NetworkntJsonSchemaCheck(),
            clock);
    ObjectService objectService = new ObjectService(objects, lists, audit, transactions, clock);
    ConnectorRepository connectorStore =
        new CachedConnectorRepository(new JdbiConnectorRepository(jdbi), accessCache);
    OutboundHttp outbound =
        new JettyHttpOutbound(
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            MAX_CONNECTOR_RESPONSE_BYTES,
            configuration.getConnectors().allowedPrivateHosts());
    ConnectorService connectorService =
        new ConnectorService(
            connectorStore,
            new SealedSecrets(keyEncryption),
            outbound,
            new JdbiModelProviderRepository(jdbi),
            new OpenAiCompatibleLanguageModel(outbound),
            audit,
            transactions,
            mcpStreams::announceToolsChangedToEveryone,
            clock);
    JdbiSettingsRepository settings = new JdbiSettingsRepository(jdbi);
    ServerAddressService address =
        new ServerAddressService(
            new ServerAddress(configuration.getBaseUrl()), settings, audit, transactions, clock);
    AccountService accountService =
        new AccountService(accounts, hasher, clock, mcpStreams::announceToolsChanged);
    JdbiConsentRepository consents = new JdbiConsentRepository(jdbi);
    boolean allowHttpLoopback = oauth.getClientMetadataDocuments().allowHttpLoopback;
    ClientMetadataDocuments documents =
        oauth.getClientMetadataDocuments().enabled
            ? new JettyClientMetadataDocuments(allowHttpLoopback)
            : url -> {
              throw new ClientMetadataDocuments.FetchFailedException(
                  "client metadata documents are turned off on this server"
                      + " (oauth.clientMetadataDocuments.enabled); register the client instead");
            };
    ClientResolver clientResolver =
        new ClientResolver(clients, documents, allowHttpLoopback, clock);
    return new Wiring(
        accountService,
        new ClientRegistrationService(
            clients,
            grants,
            clock,
            oauth.getRegistrationBurst(),
            Duration.ofMillis(oauth.getRegistrationRefill().toMilliseconds())),
        address,
        new SigningKeyService(keys, new RsaSigningKeyFactory(keyEncryption), accessTokens, clock),
        accessTokens,
        new AuthorizationService(
            clientResolver, accounts, grants, codes, consents, transactions, address, clock),
        new TokenService(
            clients,
            clientResolver,
            accounts,
            grants,
            codes,
            new JdbiRefreshTokenRepository(jdbi),
            accessTokens,
            transactions,
            address,
            clock,
            millis(oauth.getAccessTokenLifetime()),
            millis(oauth.getRefreshTokenLifetime()),
            millis(oauth.getRefreshRetryWindow())),
        new SignInService(accounts, hasher, new JdbiWebSessionRepository(jdbi), clock),
        new BearerAuthenticationService(accessTokens, grants, accounts, address, clock),
        new McpSessionService(mcpSessions, clock, configuration.getMcp().maxSessionsPerAccount),
        mcpStreams,
        new RequestStateService(new AeadSealer(keyEncryption), clock),
        objectService,
        new ListService(lists, objects, audit, transactions, clock),
        new AccountAdminService(
            accounts, audit, transactions, mcpStreams::announceToolsChanged, accountService, clock),
        agentService,
        runService,
        runService.engine(
            accounts,
            objectService,
            connectorService,
            Duration.ofMillis(configuration.getRuns().stepTimeout.toMilliseconds())),
        runStore,
        runScheduler,
        connectorService,
        new ClientAdminService(clients, grants, consents, mcpSessions, audit, transactions, clock),
        new PersonalTokenService(new JdbiPersonalAccessTokenRepository(jdbi), accounts, clock),
        new FirstRunService(accounts, settings, accountService, clock),
        accessCache);
  }

  private static Duration millis(io.dropwizard.util.Duration duration) {
    return Duration.ofMillis(duration.toMilliseconds());
  }
}
