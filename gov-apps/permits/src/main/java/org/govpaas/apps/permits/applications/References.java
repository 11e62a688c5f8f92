package org.govpaas.apps.permits.applications;

import java.security.SecureRandom;

/**
 * Reference numbers like {@code XK-7Q4M-2D9H-KP3W-X8RT}: 16 random characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, U), about 78 random bits, so holding one reference tells
 * nothing about any other and they cannot be enumerated. Easy to read out on the phone.
 */
final class References {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    static String next() {
        StringBuilder reference = new StringBuilder("XK");
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                reference.append('-');
            }
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
