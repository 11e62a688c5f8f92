package org.govpaas.apps.permits.form;

/**
 * A file as a citizen sent it, before any check.
 *
 * @param fileName the name the browser gave (untrusted; only its last segment is kept)
 * @param size     its size in bytes
 * @param content  the bytes; left empty for a file already known to be too large, so an
 *                 oversized upload is refused without being read into memory
 */
public record Upload(String fileName, long size, byte[] content) {

    public Upload(String fileName, byte[] content) {
        this(fileName, content.length, content);
    }

    /** The name without any folder part, control characters or excessive length, for display. */
    public String safeName() {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "file" : name;
    }
}
