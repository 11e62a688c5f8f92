package org.govpaas.platform.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.govpaas.runtime.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the output files of an app's instances, like {@code tail -F}: instances that appear
 * later are followed from their first line, a file that shrank (rotated) is read again from its
 * start. Runs on its own virtual thread until closed.
 */
final class OutputFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutputFollower.class);
    /** The longest line passed on whole, in bytes. */
    static final int MAX_LINE = 64 * 1024;

    private final Supplier<List<InstanceOutput.Source>> sources;
    private final Consumer<LogLine> sink;
    private final Duration interval;
    private final Map<Path, Long> positions = new HashMap<>();
    private final Map<Path, ByteArrayOutputStream> partial = new HashMap<>();
    private final Thread thread;
    private volatile boolean open = true;

    OutputFollower(Supplier<List<InstanceOutput.Source>> sources, Consumer<LogLine> sink, Duration interval) {
        this.sources = sources;
        this.sink = sink;
        this.interval = interval;
        // What is already written belongs to the tail, not to what follows.
        for (InstanceOutput.Source source : sources.get()) {
            positions.put(source.file(), size(source.file()));
        }
        this.thread = Thread.ofVirtual().name("follow-output").start(this::run);
    }

    private void run() {
        while (open) {
            try {
                for (InstanceOutput.Source source : sources.get()) {
                    readNew(source);
                }
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Following output stopped: {}", e.toString());
                return;
            }
        }
    }

    private void readNew(InstanceOutput.Source source) {
        long position = positions.getOrDefault(source.file(), 0L);
        try (SeekableByteChannel channel = InstanceOutput.open(source.file())) {
            if (channel.size() < position) {
                position = 0; // rotated
            }
            channel.position(position);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            int read;
            while (open && (read = channel.read(buffer)) > 0) {
                position += read;
                emit(source, buffer.array(), read);
                buffer.clear();
            }
            positions.put(source.file(), position);
        } catch (IOException e) {
            positions.remove(source.file()); // not there (yet, or any more)
        }
    }

    private void emit(InstanceOutput.Source source, byte[] bytes, int length) {
        ByteArrayOutputStream line = partial.computeIfAbsent(source.file(), f -> new ByteArrayOutputStream());
        for (int i = 0; i < length; i++) {
            // Output without line breaks is passed on in pieces of at most MAX_LINE bytes, cut
            // before a character (UTF-8: up to 4 bytes), not inside one, instead of being held in
            // memory until a break comes; bytes that are no text at all are cut at MAX_LINE.
            if (bytes[i] == '\n' || (line.size() > MAX_LINE - 4 && (bytes[i] & 0xC0) != 0x80)
                    || line.size() >= MAX_LINE) {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                sink.accept(new LogLine(Instant.now(), source.instance(), text.endsWith("\r") ? text.substring(0, text.length() - 1) : text));
            }
            if (bytes[i] != '\n') {
                line.write(bytes[i]);
            }
        }
    }

    private static long size(Path file) {
        try (SeekableByteChannel channel = InstanceOutput.open(file)) {
            return channel.size();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
    }
}
