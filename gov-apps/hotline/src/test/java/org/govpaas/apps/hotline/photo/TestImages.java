package org.govpaas.apps.hotline.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real image files made on the spot, and files that only pretend to be images. */
public final class TestImages {

    private TestImages() {
    }

    /** A real image of the given format ("jpg" or "png"); noise makes the size grow with the sides. */
    public static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1d70b8));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Random random = new Random(42);
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gif() {
        return image("gif", 10, 10);
    }

    /** A PNG signature followed by an IHDR chunk announcing 100000 x 100000 pixels. */
    public static byte[] pngAnnouncingGigapixels() {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer file = ByteBuffer.allocate(8 + 4 + 17 + 4);
        file.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return file.array();
    }

    /** The JPEG magic bytes in front of a script. */
    public static byte[] jpegMagicThenScript() {
        byte[] script = "<script>alert(1)</script>".getBytes();
        byte[] bytes = new byte[3 + script.length];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        System.arraycopy(script, 0, bytes, 3, script.length);
        return bytes;
    }
}
