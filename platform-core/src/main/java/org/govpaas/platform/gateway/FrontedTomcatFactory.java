package org.govpaas.platform.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.GracefulShutdownCallback;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * The platform's server with the gateway's {@link FrontServer} in front: the front server takes
 * the configured address and port ({@code server.address}, {@code server.port}) and Tomcat
 * listens on a free loopback port behind it. To the rest of the platform (and to Spring Boot,
 * which reports its port as {@code local.server.port}) the pair is one web server on the public
 * port; Tomcat's own port is never public.
 */
class FrontedTomcatFactory extends TomcatServletWebServerFactory {

    private final ObjectProvider<FrontRoutes> routes;
    private final Duration answerTimeout;

    FrontedTomcatFactory(ObjectProvider<FrontRoutes> routes, Duration answerTimeout) {
        this.routes = routes;
        this.answerTimeout = answerTimeout;
    }

    @Override
    public WebServer getWebServer(ServletContextInitializer... initializers) {
        if (getPort() < 0) {
            return super.getWebServer(initializers); // no server wanted (server.port=-1)
        }
        if (getSsl() != null && getSsl().isEnabled()) {
            throw new IllegalStateException("The gateway's front server speaks plain HTTP: end TLS in front of the "
                    + "platform (an ingress or a reverse proxy), not with server.ssl");
        }
        RemoteIpValve forwarded = getEngineValves().stream().filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("The gateway's front server tells the platform's server "
                        + "the citizen's address in X-Forwarded-For: it needs server.forward-headers-strategy=native"));
        trustLoopback(forwarded);
        InetAddress publicAddress = getAddress();
        int publicPort = getPort();
        setAddress(InetAddress.getLoopbackAddress());
        setPort(0);
        try {
            return new FrontedTomcat((TomcatWebServer) super.getWebServer(initializers), publicAddress, publicPort);
        } finally {
            setAddress(publicAddress);
            setPort(publicPort);
        }
    }

    /**
     * The front server connects from the loopback address: whatever proxies an operator trusts,
     * the platform's server must trust that one.
     */
    private static void trustLoopback(RemoteIpValve valve) {
        String proxies = valve.getInternalProxies();
        if (proxies == null || proxies.isBlank()) {
            valve.setInternalProxies("127.0.0.0/8, ::1/128");
        } else if (proxies.contains("/")) {
            valve.setInternalProxies(proxies + ", 127.0.0.0/8, ::1/128");
        } else {
            valve.setInternalProxies(proxies + "|127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1");
        }
    }

    /** Tomcat's web server, started and stopped together with the front server. */
    private final class FrontedTomcat implements WebServer {

        private static final Logger log = LoggerFactory.getLogger(FrontedTomcat.class);
        /** Within Spring's default 30 s for a graceful shutdown. */
        private static final Duration FRONT_GRACE = Duration.ofSeconds(20);

        private final TomcatWebServer tomcat;
        private final InetAddress address;
        private final int port;
        private volatile FrontServer front;

        FrontedTomcat(TomcatWebServer tomcat, InetAddress address, int port) {
            this.tomcat = tomcat;
            this.address = address;
            this.port = port;
        }

        @Override
        public void start() {
            tomcat.start();
            if (front == null) {
                InetSocketAddress platform = new InetSocketAddress(InetAddress.getLoopbackAddress(), tomcat.getPort());
                front = new FrontServer(address, port, platform, routes.getObject(), answerTimeout);
                log.info("Gateway front server on port {}; the platform's own server behind it on {}", front.port(),
                        platform);
            }
        }

        @Override
        public void stop() {
            if (front != null) {
                front.close();
                front = null;
            }
            tomcat.stop();
        }

        @Override
        public void destroy() {
            tomcat.destroy();
        }

        @Override
        public int getPort() {
            FrontServer started = front;
            return started == null ? port : started.port();
        }

        /**
         * Both servers stop taking new work; done when Tomcat's requests and the front server's
         * (answers from apps included) are.
         */
        @Override
        public void shutDownGracefully(GracefulShutdownCallback callback) {
            FrontServer draining = front;
            if (draining == null) {
                tomcat.shutDownGracefully(callback);
                return;
            }
            draining.drain();
            tomcat.shutDownGracefully(result -> {
                if (!draining.awaitIdle(FRONT_GRACE)) {
                    log.info("Requests still under way in the gateway's front server are cut short");
                }
                callback.shutdownComplete(result);
            });
        }
    }
}
