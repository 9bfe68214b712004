package ai.cinatra.domain.net;

import java.util.Arrays;

/**
 * Which IP addresses are on the public internet: the only ones the server fetches a client's
 * metadata document from, so a client_id can never make it call into its own network (SSRF). Works
 * on raw address bytes (4 for IPv4, 16 for IPv6), so every written form of an address — hex,
 * decimal, IPv4-mapped — is judged by what it is, not how it was spelled.
 */
public final class PublicAddress {
  private PublicAddress() {}

  /** Whether the address is globally routable: not loopback, private, link-local or reserved. */
  public static boolean isPublic(byte[] address) {
    if (address.length == 4) {
      return isPublicV4(address);
    }
    if (address.length != 16) {
      return false;
    }
    if (isV4Mapped(address) || isV4Compatible(address)) {
      return isPublicV4(Arrays.copyOfRange(address, 12, 16));
    }
    int first = address[0] & 0xff;
    int second = address[1] & 0xff;
    if (first == 0x20 && second == 0x02) { // 6to4 embeds an IPv4 address: judge that one
      return isPublicV4(Arrays.copyOfRange(address, 2, 6));
    }
    if (first == 0x00
        && second == 0x64
        && (address[2] & 0xff) == 0xff
        && (address[3] & 0xff) == 0x9b) { // NAT64 64:ff9b::/96
      return isPublicV4(Arrays.copyOfRange(address, 12, 16));
    }
    if (first == 0x20 && second == 0x01 && address[2] == 0 && address[3] == 0) {
      return false; // Teredo 2001::/32 tunnels to anywhere
    }
    if (first == 0x20
        && second == 0x01
        && (address[2] & 0xff) == 0x0d
        && (address[3] & 0xff) == 0xb8) {
      return false; // documentation 2001:db8::/32
    }
    // Global unicast is 2000::/3; everything else (loopback, ::, link-local fe80::/10,
    // unique-local fc00::/7, multicast ff00::/8, site-local fec0::/10) is not public.
    return (first & 0xe0) == 0x20;
  }

  private static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
  }

  private static boolean isV4Compatible(byte[] a) {
    for (int i = 0; i < 12; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true; // ::a.b.c.d (deprecated), and :: and ::1, which the IPv4 rules refuse as 0.0.0.x
  }

  private static boolean isPublicV4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    return !(b0 == 0 // "this network"
        || b0 == 10 // private
        || b0 == 127 // loopback
        || (b0 == 100 && b1 >= 64 && b1 <= 127) // carrier-grade NAT
        || (b0 == 169 && b1 == 254) // link-local, cloud metadata services
        || (b0 == 172 && b1 >= 16 && b1 <= 31) // private
        || (b0 == 192 && b1 == 0 && b2 == 0) // IETF protocol assignments
        || (b0 == 192 && b1 == 0 && b2 == 2) // documentation
        || (b0 == 192 && b1 == 88 && b2 == 99) // 6to4 relay anycast
        || (b0 == 192 && b1 == 168) // private
        || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
        || (b0 == 198 && b1 == 51 && b2 == 100) // documentation
        || (b0 == 203 && b1 == 0 && b2 == 113) // documentation
        || b0 >= 224); // multicast, reserved, broadcast
  }
}
