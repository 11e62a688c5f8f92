package org.govpaas.runtime.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs against an instance address ({@code host:port}), as a gateway would send them. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** @param answered false when nothing listens (connection refused or timed out) */
    record Response(boolean answered, int status, String body) {
    }

    private Http() {
    }

    static Response get(String address, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(true, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(false, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(false, 0, "interrupted");
        }
    }
}
