package ai.cinatra.application.port.in.oauth;

import java.util.List;

/**
 * A dynamic client registration request (RFC 7591) as received; every field may be missing or
 * wrong, and the use case says which.
 *
 * @param sourceAddress the address the request came from, for the per-address rate limit
 */
public record RegisterClientCommand(
    String clientName,
    List<String> redirectUris,
    String tokenEndpointAuthMethod,
    List<String> grantTypes,
    List<String> responseTypes,
    String sourceAddress) {}
