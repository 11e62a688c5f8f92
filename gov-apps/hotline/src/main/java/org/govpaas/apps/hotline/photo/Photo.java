package org.govpaas.apps.hotline.photo;

/** A photo that passed {@link PhotoCheck}: its type is what its bytes are, not what its name said. */
public record Photo(String contentType, byte[] bytes) {
}
