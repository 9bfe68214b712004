package ai.cinatra.planted.wireformat.domain;

/** Planted violation: a domain type named for a provider's wire format. */
public record ChatCompletionRequest(String model, String prompt) {}
