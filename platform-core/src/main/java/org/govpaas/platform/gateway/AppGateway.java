package org.govpaas.platform.gateway;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppDirectory;
import org.govpaas.platform.apps.AppDirectory.Route;
import org.govpaas.runtime.AppId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What happens to a citizen's request for {@code /apps/{dept}/{app}/...}: names that are not DNS
 * labels are refused before anything is looked up, and so is a request another page of the shared
 * origin sent ({@link SharedOrigin}, 403); an unknown app answers 404, an app that is
 * not serving 503, both with the bilingual page; otherwise the request goes to the next ready
 * instance, and to the one after it when that one refuses the connection.
 */
@Component
class AppGateway {

    private static final Logger log = LoggerFactory.getLogger(AppGateway.class);

    private final AppDirectory directory;
    private final InstanceRotation rotation;
    private final AppForwarder forwarder;
    private final GatewayPages pages;
    private final RequestCounts counts;

    AppGateway(AppDirectory directory, InstanceRotation rotation, AppForwarder forwarder, GatewayPages pages,
               RequestCounts counts) {
        this.directory = directory;
        this.rotation = rotation;
        this.forwarder = forwarder;
        this.pages = pages;
        this.counts = counts;
    }

    /** Apps are served under their route path with a trailing slash, so relative links resolve. */
    ServerResponse addTrailingSlash(ServerRequest request) {
        if (appId(request).isEmpty()) {
            return pages.notFound();
        }
        String query = request.servletRequest().getQueryString();
        String location = request.servletRequest().getRequestURI() + "/" + (query == null ? "" : "?" + query);
        boolean safe = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
        // 308 keeps the method and body of a form post; 301 is what every client knows for GET.
        return ServerResponse.status(safe ? HttpStatus.MOVED_PERMANENTLY : HttpStatus.PERMANENT_REDIRECT)
                .header(HttpHeaders.LOCATION, location)
                .build();
    }

    ServerResponse notFound(ServerRequest request) {
        return pages.notFound();
    }

    ServerResponse forward(ServerRequest request) throws Exception {
        Optional<AppId> id = appId(request);
        if (id.isEmpty()) {
            return pages.notFound();
        }
        // Before the directory is asked: another app's page learns nothing, not even whether the app exists.
        if (SharedOrigin.fromAnotherPage(request.headers().asHttpHeaders()::getFirst,
                App.ROUTE_PREFIX + id.get().department() + "/" + id.get().name() + "/")) {
            return pages.fromAnotherPage();
        }
        Optional<Route> found;
        try {
            found = directory.route(id.get().department(), id.get().name());
        } catch (RuntimeException e) {
            log.warn("App directory unavailable while routing {}: {}", id.get(), e.toString());
            return pages.unavailable(null);
        }
        if (found.isEmpty()) {
            return pages.notFound();
        }
        Route route = found.get();
        if (!route.available() || route.readyInstances().isEmpty()) {
            return pages.unavailable(route);
        }
        counts.served(route.department(), route.app()); // metering bills requests served
        List<URI> attempts = rotation.attempts(route);
        for (int i = 0; i < attempts.size(); i++) {
            try {
                return forwarder.forward(request, route, attempts.get(i));
            } catch (UncheckedIOException e) {
                if (!nothingWasSent(e) && timedOut(e)) {
                    log.warn("Instance {} of {} sent nothing for the answer timeout: {}", attempts.get(i), id.get(),
                            e.toString());
                    return pages.gatewayTimeout(route);
                }
                if (!nothingWasSent(e) && !(idempotent(request) && closedWithoutAnswer(e))) {
                    log.warn("Instance {} of {} failed mid-request: {}", attempts.get(i), id.get(), e.toString());
                    return pages.badGateway(route);
                }
                log.info("Instance {} of {} refused or dropped the connection ({} of {} attempts)", attempts.get(i), id.get(),
                        i + 1, attempts.size());
            }
        }
        return pages.unavailable(route);
    }

    /**
     * An instance that stops (a rollout, a scale-down) closes its kept-alive connections without
     * answering; a GET or HEAD sent on one is safe to repeat on another instance.
     */
    private static boolean closedWithoutAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoHttpResponseException || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /** Sent, then silent past the answer timeout (the socket timeout of the apps' client). */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean idempotent(ServerRequest request) {
        return request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
    }

    /** Only a refused or timed-out connection is safe to retry: the request has not left us. */
    private static boolean nothingWasSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<AppId> appId(ServerRequest request) {
        try {
            return Optional.of(new AppId(request.pathVariable("department"), request.pathVariable("app")));
        } catch (IllegalArgumentException notDnsLabels) {
            return Optional.empty();
        }
    }
}
