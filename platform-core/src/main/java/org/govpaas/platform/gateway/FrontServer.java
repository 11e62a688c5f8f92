package org.govpaas.platform.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.server.PortInUseException;

/**
 * The server on the platform's public port (Netty, on epoll where Linux has it). Each citizen
 * connection is served by one event-loop thread, one per core, which parses a request, writes it
 * to an upstream connection owned by the same thread and writes the answer back
 * ({@link FrontConnection}): no request waits for another thread, as none passes between threads.
 * That is how a reverse proxy such as nginx works, and what lets citizens' page requests reach
 * their app with little more delay than going to it directly (bench/gateway/README.md).
 *
 * <p>{@link FrontRoutes} decides where each request goes: a citizen's page request straight to
 * its app, anything else to the platform's own server, which listens on a loopback port behind
 * this one ({@link FrontedTomcatFactory}).
 */
final class FrontServer implements AutoCloseable {

    /** How long a citizen's connection may stay silent between requests (Tomcat's default too). */
    static final int IDLE_SECONDS = 60;
    /** Tomcat's limit for a request's line and headers, which this server enforces in front of it. */
    static final int MAX_HEADER_BYTES = 8192;

    /** Told to every connection when the platform stops: finish what is under way, then close. */
    static final Object DRAIN = new Object();

    private static final boolean EPOLL = Epoll.isAvailable();

    private final EventLoopGroup loops;
    private final Channel listener;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    /** Connections open per client address, for those with a cap. */
    private final Map<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    /** Requests under way, across all connections. */
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile boolean draining;

    /**
     * @param platform      the platform's own server, on a loopback port
     * @param answerTimeout how long an app may stay silent while it owes an answer
     * @throws PortInUseException when another process has the port
     */
    FrontServer(InetAddress address, int port, InetSocketAddress platform, FrontRoutes routes, Duration answerTimeout) {
        loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("gateway-front"), EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends SocketChannel> upstreams = EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops)
                .channel(EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel citizen) {
                        if (!admitted(citizen, routes)) {
                            citizen.close();
                            return;
                        }
                        connections.add(citizen);
                        citizen.pipeline().addLast(
                                new HttpServerCodec(MAX_HEADER_BYTES, MAX_HEADER_BYTES, 8192),
                                new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS),
                                new FrontConnection(FrontServer.this, routes, platform, upstreams, answerTimeout));
                    }
                });
        try {
            listener = bootstrap.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port))
                    .syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the bind's own exception, checked or not
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            // NIO reports a BindException, epoll its own IOException with the system's message.
            if (e instanceof BindException || String.valueOf(e.getMessage()).contains("Address already in use")) {
                throw new PortInUseException(port, e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** Counts the connection against its client's cap ({@link FrontRoutes#connectionCap}); false beyond it. */
    private boolean admitted(SocketChannel citizen, FrontRoutes routes) {
        InetAddress client = citizen.remoteAddress().getAddress();
        int cap = routes == null ? Integer.MAX_VALUE : routes.connectionCap(client);
        if (cap == Integer.MAX_VALUE) {
            return true;
        }
        if (perClient.merge(client, 1, Integer::sum) > cap) {
            release(client);
            return false;
        }
        citizen.closeFuture().addListener(closed -> release(client));
        return true;
    }

    private void release(InetAddress client) {
        perClient.computeIfPresent(client, (address, held) -> held == 1 ? null : held - 1);
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * The platform is stopping: no new connections; an idle connection closes now, a busy one once
     * its answer, which says so, is out.
     */
    void drain() {
        draining = true;
        listener.close().syncUninterruptibly();
        connections.forEach(connection -> connection.pipeline().fireUserEventTriggered(DRAIN));
    }

    boolean draining() {
        return draining;
    }

    /** Waits until no request is under way, at most {@code limit}; whether none is. */
    boolean awaitIdle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (exchanges.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return exchanges.get() == 0;
    }

    void exchangeStarted() {
        exchanges.incrementAndGet();
    }

    void exchangeEnded() {
        exchanges.decrementAndGet();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
