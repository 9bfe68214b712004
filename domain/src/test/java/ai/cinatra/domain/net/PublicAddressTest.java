package ai.cinatra.domain.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254", // cloud metadata
        "100.64.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.1",
        "198.18.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1", // IPv4-mapped loopback
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "2002:7f00:1::", // 6to4 of 127.0.0.1
        "2002:a00:1::", // 6to4 of 10.0.0.1
        "64:ff9b::a00:1", // NAT64 of 10.0.0.1
        "2001:db8::1",
        "2001::1"
      })
  void internalAddresses_areNotPublic(String address) throws Exception {
    assertThat(PublicAddress.isPublic(InetAddress.getByName(address).getAddress()))
        .as(address)
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "160.79.104.10",
        "8.8.8.8",
        "172.32.0.1",
        "100.128.0.1",
        "2607:f8b0:4004:800::200e",
        "::ffff:8.8.8.8",
        "2002:808:808::"
      })
  void internetAddresses_arePublic(String address) throws Exception {
    assertThat(PublicAddress.isPublic(InetAddress.getByName(address).getAddress()))
        .as(address)
        .isTrue();
  }

  @org.junit.jupiter.api.Test
  void wrongLength_isNotPublic() {
    assertThat(PublicAddress.isPublic(new byte[5])).isFalse();
  }
}
