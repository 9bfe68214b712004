package ai.cinatra.bootstrap;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Where connectors, webhooks and the model provider may call. */
public class ConnectorSettings {
  /**
   * Hosts, as written in connector URLs, that may resolve to loopback, private or link-local
   * addresses (an internal service an admin means to reach). Every other host must resolve to
   * public addresses only. A YAML list, or one comma-separated string (for an environment variable
   * or a -D override).
   */
  @JsonProperty
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(nulls = Nulls.AS_EMPTY) // an unset environment variable
  @NotNull
  @Size(max = 100)
  List<String> allowedPrivateHosts = List.of();

  /** The listed hosts, commas inside an entry splitting it. */
  Set<String> allowedPrivateHosts() {
    return allowedPrivateHosts.stream()
        .flatMap(entry -> Arrays.stream(entry.split(",")))
        .map(String::strip)
        .filter(host -> !host.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
