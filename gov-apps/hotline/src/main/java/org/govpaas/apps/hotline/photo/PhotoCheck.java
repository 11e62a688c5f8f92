package org.govpaas.apps.hotline.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.govpaas.apps.hotline.HotlineSettings;
import org.springframework.stereotype.Component;

/**
 * Decides whether uploaded bytes are a photo we keep. The file name and the browser's content
 * type are ignored: a script renamed {@code .jpg} must not be stored and later served as an
 * image. The bytes must start like a JPEG or PNG, and the image header must be readable with
 * sensible dimensions (a tiny file can announce a gigapixel image).
 */
@Component
public class PhotoCheck {

    static final long MAX_PIXELS = 50_000_000L;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final long maxBytes;

    public PhotoCheck(HotlineSettings settings) {
        this.maxBytes = settings.photoMaxBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The limit as people read it: {@code 5 MB}, {@code 2.5 MB}, or {@code 100 KB} below one
     * (binary units, as the check counts). Rounded down, so a photo of the size shown always fits.
     */
    public String maxSize() {
        long kb = maxBytes / 1024;
        if (kb < 1024) {
            return kb + " KB";
        }
        return BigDecimal.valueOf(kb).divide(BigDecimal.valueOf(1024), 1, RoundingMode.DOWN).stripTrailingZeros()
                .toPlainString() + " MB";
    }

    /** The photo, or why not; {@code size} is checked before the bytes are read. */
    public Photo check(long size, BytesSource content) throws PhotoRefused, IOException {
        if (size > maxBytes) {
            throw new PhotoRefused(PhotoRefused.Reason.TOO_LARGE);
        }
        byte[] bytes = content.read();
        if (bytes.length > maxBytes) {
            throw new PhotoRefused(PhotoRefused.Reason.TOO_LARGE);
        }
        String type = startsWith(bytes, JPEG) ? "image/jpeg" : startsWith(bytes, PNG) ? "image/png" : null;
        if (type == null) {
            throw new PhotoRefused(PhotoRefused.Reason.NOT_AN_IMAGE);
        }
        checkHeader(bytes, type);
        return new Photo(type, bytes);
    }

    /** Reads the image header only (never decodes the pixels). */
    private static void checkHeader(byte[] bytes, String type) throws PhotoRefused, IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (in == null || !readers.hasNext()) {
                throw new PhotoRefused(PhotoRefused.Reason.NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0) {
                    throw new PhotoRefused(PhotoRefused.Reason.NOT_AN_IMAGE);
                }
                if (pixels > MAX_PIXELS) {
                    throw new PhotoRefused(PhotoRefused.Reason.TOO_MANY_PIXELS);
                }
            } catch (IOException | RuntimeException unreadable) {
                throw new PhotoRefused(PhotoRefused.Reason.NOT_AN_IMAGE);
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The upload's bytes, read only once the announced size passed. */
    @FunctionalInterface
    public interface BytesSource {
        byte[] read() throws IOException;
    }
}
