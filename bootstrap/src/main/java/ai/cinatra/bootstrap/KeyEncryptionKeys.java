package ai.cinatra.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Finds the key that encrypts signing keys at rest: from configuration (CINATRA_KEY_ENCRYPTION_KEY)
 * when set, else from a file that the first start creates, readable by its owner only.
 */
final class KeyEncryptionKeys {
  private KeyEncryptionKeys() {}

  static byte[] resolve(OAuthSettings settings) {
    if (!settings.keyEncryptionKey().isEmpty()) {
      return decode(settings.keyEncryptionKey(), "oauth.keyEncryptionKey");
    }
    Path file = Path.of(settings.getKeyEncryptionKeyFile());
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (IOException e) {
      throw new StartupException(
          "cannot read or create the key-encryption key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException raced) {
      return; // Another process made it first; use that one.
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(
        file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
  }

  private static byte[] decode(String base64, String source) {
    try {
      byte[] key = Base64.getDecoder().decode(base64);
      if (key.length == 32) {
        return key;
      }
    } catch (IllegalArgumentException e) {
      // Reported below with the same message as a wrong length.
    }
    throw new StartupException(
        "the key-encryption key in "
            + source
            + " must be 32 bytes in BASE64 (openssl rand -base64 32)",
        null);
  }
}
