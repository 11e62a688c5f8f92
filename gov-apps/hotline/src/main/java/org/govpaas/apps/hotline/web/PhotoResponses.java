package org.govpaas.apps.hotline.web;

import java.time.Duration;
import java.util.Optional;
import org.govpaas.apps.hotline.photo.Photo;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A ticket's photo as a response: the type found by checking the bytes, shown inline, never
 * cached by shared caches (it belongs to one citizen). No photo is a 404 like no ticket.
 */
public final class PhotoResponses {

    private PhotoResponses() {
    }

    public static ResponseEntity<byte[]> of(Optional<Photo> photo) {
        return photo.map(p -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(p.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate())
                        .body(p.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
