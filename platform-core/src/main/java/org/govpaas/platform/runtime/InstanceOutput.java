package org.govpaas.platform.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.govpaas.runtime.LogLine;

/**
 * Reads instances' output files. Lines carry no time of their own unless the app printed one
 * (Spring Boot starts each line with an ISO-8601 timestamp); other lines take the time of the
 * line before, or the file's last change, so lines of several instances can be merged in order.
 */
final class InstanceOutput {

    /** Bounds how much of a file one tail reads, whatever {@code tail} asks for. */
    private static final int MAX_READ = 4 * 1024 * 1024;

    /** One instance's output file. */
    record Source(String instance, Path file) {
    }

    private InstanceOutput() {
    }

    /**
     * Before an instance starts: a file over {@code maxBytes} becomes {@code <file>.1} (one old
     * file kept), so an app's output cannot fill the disk (which the platform's PostgreSQL shares)
     * across restarts.
     */
    static void rotate(Path output, long maxBytes) throws IOException {
        if (over(output, maxBytes)) {
            Files.move(output, old(output), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * While the instance runs, so output cannot fill the disk between restarts either: a file
     * over {@code maxBytes} is copied to {@code <file>.1} and emptied in place. The instance
     * writes it in append mode, so its next line lands at the start of the emptied file; a line
     * written between the copy and the emptying is lost, as with logrotate's copytruncate. Should
     * the copy fail (a full disk), the file is emptied all the same: the disk is what must not
     * fill. Slow for a big file: never called under a supervisor's lock.
     */
    static void bound(Path output, long maxBytes) {
        if (!over(output, maxBytes)) {
            return;
        }
        try {
            Files.copy(output, old(output), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A full disk, most likely: the output goes, rather than the platform's database.
        }
        try (FileChannel channel = FileChannel.open(output, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            channel.truncate(0);
        } catch (IOException e) {
            // Gone with its instance: nothing to bound.
        }
    }

    private static boolean over(Path output, long maxBytes) {
        try {
            return Files.isRegularFile(output, LinkOption.NOFOLLOW_LINKS) && Files.size(output) > maxBytes;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where the output before the last rotation is kept. */
    static Path old(Path output) {
        return output.resolveSibling(output.getFileName() + ".1");
    }

    /** The newest {@code tail} lines across the sources, oldest first. */
    static List<LogLine> tail(List<Source> sources, int tail) {
        if (tail <= 0) {
            return List.of();
        }
        List<LogLine> lines = new ArrayList<>();
        for (Source source : sources) {
            lines.addAll(tail(source, tail));
        }
        lines.sort(Comparator.comparing(LogLine::time)); // stable: one instance's lines keep their order
        return List.copyOf(lines.subList(Math.max(0, lines.size() - tail), lines.size()));
    }

    /** The instance's newest lines, from the file before the last rotation too when the current one has too few. */
    private static List<LogLine> tail(Source source, int tail) {
        List<LogLine> current = tail(source.instance(), source.file(), tail);
        if (current.size() >= tail || !Files.isRegularFile(old(source.file()), LinkOption.NOFOLLOW_LINKS)) {
            return current;
        }
        List<LogLine> lines = new ArrayList<>(tail(source.instance(), old(source.file()), tail - current.size()));
        lines.addAll(current);
        return lines;
    }

    private static List<LogLine> tail(String instance, Path file, int tail) {
        try {
            Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
            List<String> texts = lastLines(file, tail);
            List<LogLine> lines = new ArrayList<>(texts.size());
            Instant time = null;
            for (String text : texts) {
                Instant own = leadingTime(text);
                time = own != null ? own : time;
                lines.add(new LogLine(time != null ? time : modified, instance, text));
            }
            return lines;
        } catch (IOException e) {
            return List.of(); // no output yet, or the instance was just removed
        }
    }

    /** The last {@code count} complete lines, reading backwards only as far as needed. */
    static List<String> lastLines(Path file, int count) throws IOException {
        try (SeekableByteChannel channel = open(file)) {
            long size = channel.size();
            int window = 8192;
            while (true) {
                int length = (int) Math.min(size, window);
                ByteBuffer buffer = ByteBuffer.allocate(length);
                channel.position(size - length);
                int read;
                do {
                    read = channel.read(buffer);
                } while (read >= 0 && buffer.hasRemaining());
                List<String> lines = new ArrayList<>(new String(buffer.array(), 0, buffer.position(),
                        StandardCharsets.UTF_8).lines().toList());
                boolean whole = length == size || length >= MAX_READ;
                if (!whole) {
                    lines.removeFirst(); // probably cut in the middle
                }
                if (whole || lines.size() >= count) {
                    return lines.subList(Math.max(0, lines.size() - count), lines.size());
                }
                window *= 4;
            }
        }
    }

    /** The last non-blank line, shortened, to explain a crash. */
    static Optional<String> lastLine(Path file) {
        Optional<String> line = lastLineOf(file);
        return line.isPresent() ? line : lastLineOf(old(file)); // just rotated
    }

    private static Optional<String> lastLineOf(Path file) {
        try {
            List<String> last = lastLines(file, 1);
            String line = last.isEmpty() ? "" : last.getFirst().strip();
            return line.isEmpty() ? Optional.empty() : Optional.of(line.length() > 300 ? line.substring(0, 300) + "…" : line);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Opened without following links: an app must not make the platform read a file of its choosing. */
    static SeekableByteChannel open(Path file) throws IOException {
        return Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    private static Instant leadingTime(String text) {
        int end = text.indexOf(' ');
        if (end < 19 || end > 40 || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.substring(0, end)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
