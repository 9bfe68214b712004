package ai.cinatra.application.service;

import ai.cinatra.application.port.in.oauth.PublicUrlUseCase;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.SettingsRepository;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.oauth.PublicBaseUrl;
import ai.cinatra.domain.oauth.ServerAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the server is reached: the operator's public URL once set (in the database, so every node
 * follows it), else the configured base URL. Read at most every {@link #REREAD} per node: a change
 * on one node reaches the others within that.
 */
public final class ServerAddressService implements ServerAddressQuery, PublicUrlUseCase {
  static final String SETTING = "public_base_url";
  static final Duration REREAD = Duration.ofSeconds(2);

  private final ServerAddress configured;
  private final SettingsRepository settings;
  private final Auditor auditor;
  private final Clock clock;

  private record Cached(Optional<PublicBaseUrl> url, Instant readAt) {}

  private volatile Cached cached;

  public ServerAddressService(
      ServerAddress configured,
      SettingsRepository settings,
      AuditRepository audit,
      TransactionRunner transactions,
      Clock clock) {
    this.configured = configured;
    this.settings = settings;
    this.auditor = new Auditor(audit, transactions, clock);
    this.clock = clock;
  }

  @Override
  public ServerAddress current() {
    return stored().map(url -> new ServerAddress(url.value())).orElse(configured);
  }

  private Optional<PublicBaseUrl> stored() {
    Cached seen = cached;
    Instant now = clock.instant();
    if (seen == null || seen.readAt().plus(REREAD).isBefore(now)) {
      seen = new Cached(settings.find(SETTING).map(PublicBaseUrl::new), now);
      cached = seen;
    }
    return seen.url();
  }

  @Override
  public PublicUrl publicUrl(Actor actor) {
    Auditor.require(actor, Primitive.SETTINGS_READ, "read the public URL");
    return view();
  }

  @Override
  public PublicUrl setPublicUrl(Actor actor, String url) {
    return auditor.mutate(
        actor,
        Primitive.SETTINGS_ADMINISTER,
        "public_url_set",
        url == null ? "" : url,
        () -> {
          PublicBaseUrl accepted = new PublicBaseUrl(url);
          settings.put(SETTING, accepted.value(), clock.instant());
          cached = null;
          return view();
        });
  }

  private PublicUrl view() {
    Optional<PublicBaseUrl> url = stored();
    return new PublicUrl(
        url.map(PublicBaseUrl::value), current().mcpResource(), configured.baseUrl());
  }
}
