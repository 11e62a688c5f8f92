package org.govpaas.apps.permits.form;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The document types an application may carry, recognised by their first bytes (the "magic
 * number"), never by what the browser or the file name claims: a page saved as {@code scan.pdf}
 * is not a PDF, and the type we store and serve is always the sniffed one.
 */
public enum FileType {
    PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;

    FileType(String mediaType, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name endings that belong to this type, e.g. jpg and jpeg. */
    public List<String> extensions() {
        return extensions;
    }

    /** The type the content really has, or empty when it is none of ours. */
    public static Optional<FileType> sniff(byte[] content) {
        return Arrays.stream(values()).filter(type -> type.startsWith(content)).findFirst();
    }

    public static Optional<FileType> byName(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** True when the file name ends in one of this type's endings (case-insensitive). */
    public boolean matchesName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private boolean startsWith(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
