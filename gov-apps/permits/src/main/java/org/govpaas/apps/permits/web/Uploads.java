package org.govpaas.apps.permits.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.govpaas.apps.permits.form.Upload;
import org.springframework.web.multipart.MultipartFile;

/** The files of a form post; the empty part a browser sends when no file was chosen is not a file. */
public final class Uploads {

    private Uploads() {
    }

    /** Files larger than {@code maxBytes} are not read: they are refused by size alone. */
    public static List<Upload> of(MultipartFile[] files, long maxBytes) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if ((name == null || name.isEmpty()) && file.isEmpty()) {
                continue;
            }
            if (file.getSize() > maxBytes) {
                uploads.add(new Upload(name, file.getSize(), new byte[0]));
                continue;
            }
            try {
                uploads.add(new Upload(name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
