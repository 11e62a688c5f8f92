package org.govpaas.platform.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets the platform must keep (app database passwords) with AES-GCM, so a database
 * dump alone reveals none. The key comes from {@code GOVPAAS_SECRET_KEY} (base64, 32 bytes) or,
 * in the one-machine mode, from {@code <data-dir>/secret.key}, created on first start, owner-only.
 */
@Component
public class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    SecretBox(@Value("${govpaas.secret-key:}") String configured, @Value("${govpaas.data-dir}") Path dataDir)
            throws IOException {
        this.key = new SecretKeySpec(configured.isBlank() ? fileKey(dataDir.resolve("secret.key"))
                : Base64.getDecoder().decode(configured), "AES");
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String decrypt(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt: wrong secret key?", e);
        }
    }

    /** A random secret of {@code bytes} bytes, URL-safe base64 (safe inside SQL and env vars). */
    public static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] fileKey(Path file) throws IOException {
        return Base64.getDecoder().decode(ownerOnlySecret(file, () -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            return Base64.getEncoder().encodeToString(fresh);
        }));
    }

    /**
     * The secret kept in {@code file}, created on first use with {@code fresh} and readable by the
     * owner only (written to a temporary file and moved, so a crash never leaves half a secret).
     */
    public static String ownerOnlySecret(Path file, java.util.function.Supplier<String> fresh) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, fresh.get());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readString(file).strip();
    }
}
