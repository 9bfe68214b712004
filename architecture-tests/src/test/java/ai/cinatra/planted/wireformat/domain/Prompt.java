package ai.cinatra.planted.wireformat.domain;

/** Not a violation: a prompt is the domain's word, whatever carries it. */
public record Prompt(String system, String text) {}
