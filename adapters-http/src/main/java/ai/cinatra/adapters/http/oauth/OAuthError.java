package ai.cinatra.adapters.http.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The error body every OAuth endpoint answers with (RFC 6749 section 5.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthError(
    @JsonProperty("error") String error,
    @JsonProperty("error_description") String errorDescription) {}
