package org.govpaas.platform.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayServerResponse;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The gateway's {@link ProxyExchange} on Apache HttpClient 5's classic API, used directly. The
 * stock exchanges go through Spring's client abstractions, which cost the platform CPU on every
 * request, and send a body chunked without its length (the one on a request factory even sends
 * a GET with an empty chunked body). Here a body is sent only when the citizen sent one, with its
 * own {@code Content-Length} when it had one, and the answer is streamed back as it arrives (see
 * bench/gateway/README.md for the figures).
 *
 * <p>The request headers are taken as given (the caller, {@link AppForwarder}, has applied the
 * gateway's header rules) except the framing ones, {@code Content-Length} and
 * {@code Transfer-Encoding}: they follow from the body this exchange sends.
 */
class AppProxyExchange implements ProxyExchange {

    private static final int MAX_BUFFER = 8192;
    private static final String ANSWER_ATTRIBUTE = AppProxyExchange.class.getName() + ".ANSWER";

    private final CloseableHttpClient client;

    AppProxyExchange(CloseableHttpClient client) {
        this.client = client;
    }

    /**
     * @throws UncheckedIOException when the instance cannot be reached or fails before answering;
     *         its cause tells whether anything was sent ({@link AppGateway} decides on a retry)
     */
    @Override
    public ServerResponse exchange(Request request) {
        HttpServletRequest citizen = request.getServerRequest().servletRequest();
        BasicClassicHttpRequest toApp = new BasicClassicHttpRequest(request.getMethod().name(), request.getUri());
        request.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)) {
                for (String value : values) {
                    toApp.addHeader(name, value);
                }
            }
        });
        long length = citizen.getContentLengthLong();
        boolean chunked = citizen.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        try {
            if (length > 0 || chunked) {
                // The servlet container has already undone the citizen's chunking; HttpClient
                // chunks again towards the app when the length is unknown (-1).
                toApp.setEntity(new InputStreamEntity(citizen.getInputStream(), chunked ? -1 : length, null));
            }
            ClassicHttpResponse fromApp = client.executeOpen(null, toApp, null);
            try {
                return answer(request, fromApp);
            } catch (RuntimeException e) {
                fromApp.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerResponse answer(Request request, ClassicHttpResponse fromApp) {
        HttpHeaders headers = new HttpHeaders();
        for (Header header : fromApp.getHeaders()) {
            headers.add(header.getName(), header.getValue());
        }
        HttpStatusCode status = HttpStatusCode.valueOf(fromApp.getCode());
        // Whatever happens to the answer from here, GatewayServletFilter releases the connection
        // at the end (see release): a 304 answered from these headers never reaches the copy.
        request.getServerRequest().servletRequest().setAttribute(ANSWER_ATTRIBUTE, fromApp);
        // The gateway's own builder: its headers stay open to the response consumers.
        ServerResponse response = GatewayServerResponse.status(status).build((servletRequest, servletResponse) -> {
            HttpEntity body = fromApp.getEntity();
            if (body != null) {
                InputStream in = body.getContent();
                try {
                    copy(in, servletResponse.getOutputStream(), body.getContentLength());
                } catch (IOException cutShort) {
                    // The citizen left or the instance failed: drop the connection, as closing
                    // would first read the rest of the body, and a stream may never end.
                    if (in instanceof EofSensorInputStream sensor) {
                        sensor.abort();
                    }
                    throw cutShort;
                }
                in.close(); // read to the end: the connection goes back to the pool
            }
            return null;
        });
        Response answer = new Response() {
            @Override
            public HttpStatusCode getStatusCode() {
                return status;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
        request.getResponseConsumers().forEach(consumer -> consumer.accept(answer, response));
        return response;
    }

    /**
     * Hands the instance's connection back (or drops it) once the citizen's response is done,
     * whether or not its body was copied; nothing to do for a request that was not forwarded.
     */
    static void release(HttpServletRequest citizen) throws IOException {
        if (citizen.getAttribute(ANSWER_ATTRIBUTE) instanceof ClassicHttpResponse fromApp) {
            fromApp.close();
        }
    }

    /**
     * Like {@link InputStream#transferTo}, with a buffer no larger than the body: most pages are a
     * few KiB, and a fixed 16 KiB buffer per request was the largest allocation of all.
     */
    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[(int) (length >= 0 ? Math.min(Math.max(length, 1), MAX_BUFFER) : MAX_BUFFER)];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
        }
    }
}
