package org.govpaas.platform.apps.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for an app's login role (RFC 5802/7677, in
 * PostgreSQL's {@code pg_authid} form), made here so the iteration count is ours to choose.
 *
 * <p>The iterations stretch a password someone could guess: every guess costs that many hashes.
 * An app's password is 192 random bits, out of reach of guessing however cheap a guess is, so
 * PostgreSQL's default of 4096 would protect nothing and costs each new connection that many
 * hashes in the app: some 40 ms of CPU per connection in a young JVM, about 0.35 s of CPU at every
 * start of a citizen service (its pool opens ten), on machines where start-up is CPU-bound. A
 * stolen verifier still does not let anyone log in (SCRAM's own property), whatever the count.
 * PostgreSQL 16 makes the same choice available as {@code scram_iterations}.
 */
final class ScramVerifier {

    /** Enough for a 192-bit random secret; see above. */
    static final int ITERATIONS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramVerifier() {
    }

    /**
     * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}; the password must be
     * ASCII without control characters (SASLprep leaves such a password as it is).
     */
    static String of(String password) {
        if (!password.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("only printable ASCII passwords are prepared here");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder base64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + ITERATIONS + ":" + base64.encodeToString(salt) + "$"
                    + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2 and HMAC with SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    }
}
