package ai.cinatra.planted.wireformat.application.service;

/** Planted violation: a service that builds a model provider's request path itself. */
public class AskService {
  public String path(String base) {
    return base + "/chat/completions";
  }
}
