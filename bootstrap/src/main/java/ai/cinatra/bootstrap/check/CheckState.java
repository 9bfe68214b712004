package ai.cinatra.bootstrap.check;

import com.fasterxml.jackson.databind.JsonNode;

/** What the doctor's steps learn and hand on to the next ones, in the order they run. */
final class CheckState {
  Exchange probe;
  JsonNode resourceMetadata;
  JsonNode serverMetadata;
  String clientId;
  String code;
  String verifier;
  String accessToken;
  String refreshToken;
  String session;
  String revokeUrl;
  String registrationUri;
  String registrationToken;
}
