package org.govpaas.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govpaas.runtime.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following an instance's output as a developer does (API and console), without holding it all. */
class OutputFollowerTest {

    @TempDir
    Path dir;

    @Test
    void outputWithoutLineBreaksArrivesInPiecesCutBetweenCharacters() throws Exception {
        Path file = Files.createFile(dir.resolve("0-g1.log"));
        List<LogLine> followed = new CopyOnWriteArrayList<>();
        String endless = "公告".repeat(100_000); // 600 kB of three-byte characters, no line break
        try (OutputFollower follower = new OutputFollower(() -> List.of(new InstanceOutput.Source("0-g1", file)),
                followed::add, Duration.ofMillis(20))) {
            Files.writeString(file, endless, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.writeString(file, "\nnext\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            await().atMost(Duration.ofSeconds(10)).until(() -> followed.stream().anyMatch(l -> l.text().equals("next")));
        }
        List<String> pieces = followed.stream().map(LogLine::text).filter(t -> !t.equals("next")).toList();
        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(piece -> {
            assertThat(piece.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(OutputFollower.MAX_LINE);
            assertThat(piece).doesNotContain("\uFFFD");
        });
        assertThat(String.join("", pieces)).isEqualTo(endless);
    }

    @Test
    void bytesThatAreNoTextAreCutAtTheBoundToo() throws Exception {
        Path file = Files.createFile(dir.resolve("0-g1.log"));
        List<LogLine> followed = new CopyOnWriteArrayList<>();
        byte[] continuations = new byte[200_000];
        java.util.Arrays.fill(continuations, (byte) 0x80); // never the start of a character
        try (OutputFollower follower = new OutputFollower(() -> List.of(new InstanceOutput.Source("0-g1", file)),
                followed::add, Duration.ofMillis(20))) {
            Files.write(file, continuations, StandardOpenOption.APPEND);
            Files.writeString(file, "\nnext\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            await().atMost(Duration.ofSeconds(10)).until(() -> followed.stream().anyMatch(l -> l.text().equals("next")));
        }
        assertThat(followed).hasSizeGreaterThanOrEqualTo(4);
    }
}
