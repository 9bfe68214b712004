package ai.cinatra.application.service;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.error.OAuthException.Redirect;
import ai.cinatra.application.port.in.oauth.AuthorizationRequest;
import ai.cinatra.application.port.in.oauth.AuthorizeCommand;
import ai.cinatra.application.port.in.oauth.AuthorizeUseCase;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.AuthorizationCodeRepository;
import ai.cinatra.application.port.out.ConsentRepository;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.AuthorizationCode;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.Pkce;
import ai.cinatra.domain.oauth.Scopes;
import ai.cinatra.domain.oauth.ServerAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Validates authorization requests and turns a person's approval into a grant and a code. */
public final class AuthorizationService implements AuthorizeUseCase {
  /** Generous for any real state value, small enough to keep URLs and pages bounded. */
  static final int MAX_PARAMETER_LENGTH = 2000;

  private final ClientResolver clients;
  private final AccountRepository accounts;
  private final GrantRepository grants;
  private final AuthorizationCodeRepository codes;
  private final ConsentRepository consents;
  private final TransactionRunner transactions;
  private final ServerAddressQuery address;
  private final Clock clock;

  public AuthorizationService(
      ClientResolver clients,
      AccountRepository accounts,
      GrantRepository grants,
      AuthorizationCodeRepository codes,
      ConsentRepository consents,
      TransactionRunner transactions,
      ServerAddressQuery address,
      Clock clock) {
    this.clients = clients;
    this.accounts = accounts;
    this.grants = grants;
    this.codes = codes;
    this.consents = consents;
    this.transactions = transactions;
    this.address = address;
    this.clock = clock;
  }

  @Override
  public AuthorizationRequest check(AuthorizeCommand command) {
    // Until the client and its redirect URI are known good, errors go to the person, not a URL.
    OAuthClient client = findClient(command.clientId());
    if (command.redirectUri() == null) {
      throw new OAuthException(Code.INVALID_REQUEST, "redirect_uri is required");
    }
    if (client.redirectUriMatching(command.redirectUri()).isEmpty()) {
      throw new OAuthException(
          Code.INVALID_REQUEST, "redirect_uri is not one that this client registered");
    }
    Redirect back = new Redirect(command.redirectUri(), command.state());
    if (command.state() != null && command.state().length() > MAX_PARAMETER_LENGTH) {
      throw new OAuthException(
          Code.INVALID_REQUEST, "state is too long", new Redirect(command.redirectUri(), null));
    }
    if (!"code".equals(command.responseType())) {
      throw new OAuthException(Code.UNSUPPORTED_RESPONSE_TYPE, "response_type must be code", back);
    }
    Pkce pkce;
    try {
      pkce = Pkce.of(command.codeChallenge(), command.codeChallengeMethod());
    } catch (InvalidValueException e) {
      throw new OAuthException(Code.INVALID_REQUEST, e.getMessage(), back);
    }
    ServerAddress server = address.current();
    if (command.resource() != null && !server.isMcpResource(command.resource())) {
      throw new OAuthException(
          Code.INVALID_TARGET, "resource must be " + server.mcpResource(), back);
    }
    return new AuthorizationRequest(
        client,
        command.redirectUri(),
        Scopes.grantable(command.scope()),
        Optional.ofNullable(command.state()),
        pkce,
        server.mcpResource());
  }

  private OAuthClient findClient(String clientId) {
    if (clientId == null) {
      throw new OAuthException(Code.INVALID_REQUEST, "client_id is required");
    }
    return clients.resolve(clientId, AuthorizationService::unknownClient);
  }

  private static OAuthException unknownClient() {
    return new OAuthException(
        Code.INVALID_CLIENT, "this client is not registered here; it should register again");
  }

  @Override
  public boolean isConsented(AccountId account, AuthorizationRequest request) {
    return consents
        .find(account, request.client().id())
        .map(agreed -> agreed.containsAll(request.scopes()))
        .orElse(false);
  }

  @Override
  public String approve(AccountId accountId, AuthorizationRequest request) {
    if (accounts.findById(accountId).filter(a -> a.isActive()).isEmpty()) {
      throw new OAuthException(
          Code.ACCESS_DENIED,
          "this account cannot authorize clients",
          new Redirect(request.redirectUri(), request.state().orElse(null)));
    }
    String code = OpaqueSecret.generate();
    transactions.inTransaction(
        () -> {
          var now = clock.instant();
          Grant grant =
              new Grant(
                  GrantId.random(),
                  accountId,
                  request.client().id(),
                  Set.copyOf(request.scopes()),
                  request.resource(),
                  now,
                  Optional.empty());
          grants.add(grant);
          codes.add(
              new AuthorizationCode(
                  OpaqueSecret.hash(code),
                  grant.id(),
                  request.client().id(),
                  request.redirectUri(),
                  request.pkce(),
                  now.plus(AuthorizationCode.LIFETIME)));
          consents.remember(accountId, request.client().id(), request.scopes(), now);
          return null;
        });
    return code;
  }
}
