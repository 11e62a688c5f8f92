package org.govpaas.apps.hotline.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.govpaas.apps.hotline.HotlineSettings;
import org.junit.jupiter.api.Test;

/** What is kept as a photo is decided by the bytes, never by the name or the announced type. */
class PhotoCheckTest {

    final PhotoCheck check = new PhotoCheck(new HotlineSettings("a=甲|A", "", "t=队|Team", 100, 72,
            ZoneId.of("Asia/Shanghai")));

    @Test
    void realJpegAndPngPassWithTheTypeOfTheirContent() throws Exception {
        byte[] jpeg = TestImages.image("jpg", 40, 30);
        byte[] png = TestImages.image("png", 40, 30);

        assertThat(check.check(jpeg.length, () -> jpeg).contentType()).isEqualTo("image/jpeg");
        assertThat(check.check(png.length, () -> png).contentType()).isEqualTo("image/png");
    }

    @Test
    void theLimitIsShownInMegabytesFromOneMegabyteOn() {
        assertThat(check.maxSize()).isEqualTo("100 KB");
        assertThat(withLimitKb(5120).maxSize()).isEqualTo("5 MB");
        assertThat(withLimitKb(1536).maxSize()).isEqualTo("1.5 MB");
        assertThat(withLimitKb(1100).maxSize()).as("rounded down: a photo of the size shown fits").isEqualTo("1 MB");
    }

    @Test
    void aPhotoOverTheLimitIsRefusedBeforeItIsRead() {
        assertThatThrownBy(() -> check.check(100 * 1024 + 1, () -> {
            throw new AssertionError("must not read an oversized upload");
        })).isInstanceOfSatisfying(PhotoRefused.class, r -> assertThat(r.reason()).isEqualTo(PhotoRefused.Reason.TOO_LARGE));
    }

    @Test
    void aPhotoLargerThanAnnouncedIsStillRefused() {
        byte[] big = TestImages.image("png", 400, 400);
        assertThat(big.length).isGreaterThan(100 * 1024);

        assertRefused(big, 10, PhotoRefused.Reason.TOO_LARGE);
    }

    @Test
    void otherTypesAndPretendersAreRefused() {
        assertRefused(TestImages.gif(), PhotoRefused.Reason.NOT_AN_IMAGE);
        assertRefused("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), PhotoRefused.Reason.NOT_AN_IMAGE);
        assertRefused(TestImages.jpegMagicThenScript(), PhotoRefused.Reason.NOT_AN_IMAGE);
        assertRefused(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, PhotoRefused.Reason.NOT_AN_IMAGE);
    }

    @Test
    void aSmallFileAnnouncingAGigapixelImageIsRefused() {
        assertRefused(TestImages.pngAnnouncingGigapixels(), PhotoRefused.Reason.TOO_MANY_PIXELS);
    }

    private void assertRefused(byte[] bytes, PhotoRefused.Reason reason) {
        assertRefused(bytes, bytes.length, reason);
    }

    private void assertRefused(byte[] bytes, long announced, PhotoRefused.Reason reason) {
        assertThatThrownBy(() -> check.check(announced, () -> bytes))
                .isInstanceOfSatisfying(PhotoRefused.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    private static PhotoCheck withLimitKb(int kb) {
        return new PhotoCheck(new HotlineSettings("a=甲|A", "", "t=队|Team", kb, 72, ZoneId.of("Asia/Shanghai")));
    }
}
