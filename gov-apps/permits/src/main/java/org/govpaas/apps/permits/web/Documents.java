package org.govpaas.apps.permits.web;

import java.nio.charset.StandardCharsets;
import org.govpaas.apps.permits.applications.Download;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored document goes out: always as a download ({@code attachment}), with the type we
 * sniffed at upload and {@code nosniff}, so no browser renders a citizen's file inside the app's
 * origin; never cached, because it holds personal data.
 */
public final class Documents {

    private Documents() {
    }

    public static ResponseEntity<byte[]> send(Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(download.content());
    }
}
