package ai.cinatra.planted.framework.application.service;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Planted violation: the application core importing Jackson. */
public class JsonService {
  public String write(Object value) throws Exception {
    return new ObjectMapper().writeValueAsString(value);
  }
}
