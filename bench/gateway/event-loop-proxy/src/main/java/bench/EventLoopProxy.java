package bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;

/**
 * The benchmark's third reference beside direct and nginx: how far a proxy in a JVM gets on these
 * machines when it works as an nginx worker does. Each event-loop thread (one per core) parses a
 * citizen's request, writes it to an upstream connection owned by the same thread and writes the
 * answer back, with no thread handing a request to another. It sets the X-Forwarded headers
 * nginx's configuration in run.sh sets, and nothing else of the platform gateway's rules (routes,
 * pages, cookie and header confinement, retries): it measures the design, not a gateway.
 *
 * <p>One upstream connection per citizen connection, opened when the citizen connects. When the
 * app closes it (Spring Boot's Tomcat does after 100 requests) the citizen's is closed too and
 * wrk opens a new one, a small cost nginx, with its pool of upstream connections, does not pay.
 * Hop-by-hop headers pass through: wrk and the app send none but keep-alive's.
 *
 * <p>Usage: {@code EventLoopProxy LISTEN_PORT UPSTREAM_HOST UPSTREAM_PORT}, on 127.0.0.1.
 */
public final class EventLoopProxy {

    private EventLoopProxy() {
    }

    /** Linux's epoll where Netty has it for the machine, Java's NIO selector elsewhere. */
    private static final boolean EPOLL = Epoll.isAvailable();

    public static void main(String[] args) throws InterruptedException {
        int listenPort = Integer.parseInt(args[0]);
        String upstreamHost = args[1];
        int upstreamPort = Integer.parseInt(args[2]);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        new ServerBootstrap().group(loops)
                .channel(EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel citizen) {
                        citizen.pipeline().addLast(new HttpServerCodec(), new Citizen(upstreamHost, upstreamPort));
                    }
                })
                .bind("127.0.0.1", listenPort).sync()
                .channel().closeFuture().sync();
    }

    /**
     * One side of a citizen's exchange: what it reads goes to the other side, flushed once per
     * batch the socket delivered (as nginx writes once per event), and it closes with it.
     */
    private static class Relay extends ChannelInboundHandlerAdapter {

        Channel other;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            other.write(message);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            other.flush();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (other != null) {
                other.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /**
     * A citizen's connection: it opens its own upstream connection, whose answers come back
     * through a {@link Relay}, and sends its requests there in order with the X-Forwarded headers.
     */
    private static final class Citizen extends Relay {

        private final String upstreamHost;
        private final int upstreamPort;

        Citizen(String upstreamHost, int upstreamPort) {
            this.upstreamHost = upstreamHost;
            this.upstreamPort = upstreamPort;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel citizen = ctx.channel();
            citizen.config().setAutoRead(false); // nothing is read before the upstream connection is there
            Relay answers = new Relay();
            answers.other = citizen;
            new Bootstrap().group(citizen.eventLoop())
                    .channel(EPOLL ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel upstream) {
                            upstream.pipeline().addLast(new HttpClientCodec(), answers);
                        }
                    })
                    .connect(upstreamHost, upstreamPort)
                    .addListener((ChannelFutureListener) connected -> {
                        if (!connected.isSuccess()) {
                            citizen.close();
                        } else if (!citizen.isActive()) {
                            connected.channel().close(); // the citizen left while it connected
                        } else {
                            other = connected.channel();
                            citizen.config().setAutoRead(true);
                        }
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request) {
                HttpHeaders headers = request.headers();
                headers.set("X-Forwarded-For", ((InetSocketAddress) ctx.channel().remoteAddress())
                        .getAddress().getHostAddress());
                headers.set("X-Forwarded-Proto", "http");
                headers.set("X-Forwarded-Host", headers.get(HttpHeaderNames.HOST, ""));
            }
            super.channelRead(ctx, message);
        }
    }
}
