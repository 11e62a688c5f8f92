package org.govpaas.apps.permits.web;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body as a browser sends it: text fields, then files. */
final class Multipart {

    private final String boundary = "----permits" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<Object[]> files = new ArrayList<>();

    /** Sets a text field (replacing an earlier value of the same name). */
    Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    Multipart file(String field, String fileName, String contentType, byte[] content) {
        files.add(new Object[] {field, fileName, contentType, content});
        return this;
    }

    HttpRequest.Builder post(HttpRequest.Builder request) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
        for (Object[] file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0] + "\"; filename=\""
                    + file[1] + "\"\r\nContent-Type: " + file[2] + "\r\n\r\n");
            body.writeBytes((byte[]) file[3]);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
