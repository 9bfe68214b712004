package ai.cinatra.adapters.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.port.in.oauth.ClientCredentials;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthFormsTest {

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%:x", "a%zz:x", "a:%", "a:%4", "no-colon", "%"})
  void malformedBasicCredentials_areInvalidClient(String credentials) {
    assertThatThrownBy(
            () -> OAuthForms.clientCredentials(new MultivaluedHashMap<>(), basic(credentials)))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.code()).isEqualTo(OAuthException.Code.INVALID_CLIENT);
              assertThat(e.code().httpStatus()).isEqualTo(401);
            })
        .hasMessage("malformed Basic credentials");
  }

  @org.junit.jupiter.api.Test
  void basicCredentials_areFormDecoded() {
    ClientCredentials credentials =
        OAuthForms.clientCredentials(new MultivaluedHashMap<>(), basic("mcp_a%2Bb:s%25e+cret"));
    assertThat(credentials.clientId()).isEqualTo("mcp_a+b");
    assertThat(credentials.secret()).isEqualTo("s%e cret");
  }

  @org.junit.jupiter.api.Test
  void notBase64_isInvalidClient() {
    assertThatThrownBy(() -> OAuthForms.clientCredentials(new MultivaluedHashMap<>(), "Basic !!!"))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.code()).isEqualTo(OAuthException.Code.INVALID_CLIENT));
  }
}
