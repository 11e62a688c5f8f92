package org.govpaas.platform.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.govpaas.platform.gateway.FrontRoutes.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One citizen connection on the {@link FrontServer}, on its event-loop thread from start to end.
 * Requests are taken one at a time: each goes where {@link FrontRoutes} plans, over an upstream
 * connection this connection keeps to that target (opened on the same event loop, so no lock and
 * no other thread is involved), and its answer is streamed back before the next request is read.
 * A request read early (HTTP pipelining) waits its turn.
 *
 * <p>Streaming goes at the pace of the slower side: the answer is read from upstream only while
 * the citizen's connection takes it, and a request body only while upstream takes it.
 *
 * <p>Failures follow {@link AppGateway}'s rules. A connection refused means nothing was sent: the
 * next target is tried. A connection closed before any answer is tried again elsewhere only for
 * a {@code GET} or {@code HEAD} without a body. When every instance of an app refused, the request
 * goes to the platform's server, whose gateway tries once more and answers with its page. An
 * answer cut short closes the citizen's connection, so the citizen cannot take it for whole. An
 * app that has the whole request and stays silent for the answer timeout is given up on: 504, or
 * the answer cut short if it had begun.
 */
final class FrontConnection extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(FrontConnection.class);

    /** How long a kept upstream connection may wait for the next request (apps keep theirs 60 s). */
    private static final int UPSTREAM_IDLE_SECONDS = 30;
    /** How long the rest of a request answered early may take to arrive before the connection closes. */
    private static final int LINGER_SECONDS = 5;
    /** An app's answer may carry larger headers than a citizen may send (policies, cookies). */
    private static final int MAX_ANSWER_HEADER_BYTES = 65536;

    private final FrontServer server;
    private final FrontRoutes routes;
    private final InetSocketAddress platform;
    private final Class<? extends SocketChannel> upstreamType;
    private final Duration answerTimeout;
    /** Upstream connections waiting for this citizen's next request, one per target. */
    private final Map<InetSocketAddress, Channel> idle = new HashMap<>();
    /** Read while an exchange was under way: handled in order once it is over. */
    private final ArrayDeque<Object> deferred = new ArrayDeque<>();
    private Channel citizen;
    private Exchange exchange;
    private boolean closing;
    /**
     * Answered before its body was all read: the rest of that body is read and dropped, and the
     * connection goes on as the answer said (kept, or closed).
     */
    private Exchange discarding;

    FrontConnection(FrontServer server, FrontRoutes routes, InetSocketAddress platform,
                    Class<? extends SocketChannel> upstreamType, Duration answerTimeout) {
        this.server = server;
        this.routes = routes;
        this.platform = platform;
        this.upstreamType = upstreamType;
        this.answerTimeout = answerTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        citizen = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        read(message);
    }

    private void read(Object message) {
        if (discarding != null) {
            Exchange answered = discarding;
            boolean broken = !(message instanceof HttpContent content) || content.decoderResult().isFailure();
            ReferenceCountUtil.release(message);
            if (broken || message instanceof LastHttpContent) {
                discarding = null;
                if (broken || answered.closeAfter || server.draining()) {
                    closeAfterWrites();
                }
            }
        } else if (closing) {
            ReferenceCountUtil.release(message);
        } else if (!deferred.isEmpty()
                || (exchange != null && (message instanceof HttpRequest || exchange.requestComplete))) {
            deferred.add(message);
        } else if (message instanceof HttpRequest request) {
            begin(request);
        } else if (message instanceof HttpContent content && exchange != null) {
            if (content.decoderResult().isFailure()) {
                content.release(); // a broken body must not reach upstream as a complete one
                exchange.broken();
            } else {
                exchange.body(content);
            }
        } else {
            ReferenceCountUtil.release(message);
        }
        updateReading();
    }

    private void begin(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            ReferenceCountUtil.release(request);
            Throwable cause = request.decoderResult().cause();
            answerAndClose(cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException
                    ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST,
                    "请求无效 / Bad request");
            return;
        }
        Plan plan;
        try {
            plan = routes.plan(request, peer(), platform);
        } catch (RuntimeException e) {
            log.warn("Routing {} in front failed, the platform's server takes it: {}", request.uri(), e.toString());
            plan = routes.toPlatform(request, peer(), platform);
        }
        exchange = new Exchange(request, plan);
        exchange.next();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null && exchange.upstream != null) {
            exchange.upstream.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null && exchange.upstream != null) {
            exchange.upstream.config().setAutoRead(citizen.isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        if (exchange != null) {
            if (exchange.upstream != null) {
                exchange.upstream.close();
            }
            exchange.end();
        }
        idle.values().forEach(Channel::close);
        idle.clear();
        deferred.forEach(ReferenceCountUtil::release);
        deferred.clear();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if ((event instanceof IdleStateEvent || event == FrontServer.DRAIN) && exchange == null) {
            // Silent between requests, or the platform stops (a request under way ends first,
            // its answer saying the connection closes).
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Reads from the citizen only when there is somewhere to put it. */
    private void updateReading() {
        boolean read = discarding != null || !closing && deferred.isEmpty() && (exchange == null
                || (!exchange.requestComplete && exchange.upstream != null && exchange.upstream.isWritable()));
        citizen.config().setAutoRead(read);
    }

    private void replayDeferred() {
        List<Object> messages = new ArrayList<>(deferred);
        deferred.clear();
        messages.forEach(this::read);
        if (exchange != null && exchange.upstream != null) {
            exchange.upstream.flush(); // as after a read from the socket (channelReadComplete)
        }
    }

    /**
     * An interim answer ({@code 100 Continue}, {@code 103 Early Hints}) written past the HTTP codec:
     * the codec would count it as the answer to the oldest request it has read, and a {@code HEAD}
     * pipelined behind would then have the next answer's body left out as if it were its own.
     * Its headers come from a parsed answer, so they hold no line breaks.
     */
    private void writeInterim(HttpResponse interim) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(interim.status()).append("\r\n");
        interim.headers().forEach(header -> head.append(header.getKey()).append(": ").append(header.getValue())
                .append("\r\n"));
        head.append("\r\n");
        citizen.pipeline().context(HttpServerCodec.class).write(Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1));
    }

    /** Closes once everything written so far is out, so the last answer is not lost. */
    private void closeAfterWrites() {
        closing = true;
        citizen.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private InetSocketAddress peer() {
        return (InetSocketAddress) citizen.remoteAddress();
    }

    private void answerAndClose(HttpResponseStatus status, String text) {
        closing = true;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        citizen.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        updateReading();
    }

    private ChannelFuture connect(InetSocketAddress target) {
        return new Bootstrap().group(citizen.eventLoop()).channel(upstreamType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) GatewayConfiguration.CONNECT_TIMEOUT.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel upstream) {
                        upstream.pipeline().addLast(new HttpClientCodec(8192, MAX_ANSWER_HEADER_BYTES, 8192),
                                // Reader idle: an app silent while it owes an answer (see Exchange.silent).
                                new IdleStateHandler(answerTimeout.toMillis(), 0,
                                        TimeUnit.SECONDS.toMillis(UPSTREAM_IDLE_SECONDS), TimeUnit.MILLISECONDS),
                                new Upstream(target));
                    }
                })
                .connect(target);
    }

    /** A kept upstream connection, ready for this citizen's next request to the same target. */
    private void park(InetSocketAddress target, Channel upstream) {
        Channel previous = idle.put(target, upstream);
        if (previous != null && previous != upstream) {
            previous.close();
        }
        upstream.config().setAutoRead(true); // to notice when the target closes it
    }

    /** One request and its answer. */
    private final class Exchange {

        final HttpRequest request;
        final boolean keepAlive;
        /** HTTP/1.1, or else an HTTP/1.0 citizen: no chunks and no interim answers for it. */
        final boolean http11;
        Plan plan;
        Iterator<InetSocketAddress> attempts;
        InetSocketAddress target;
        Channel upstream;
        /** Body read before the upstream connection was there. */
        final List<HttpContent> pending = new ArrayList<>();
        boolean requestComplete;
        /** A final answer's head went to the citizen: from here a failure can only cut it short. */
        boolean answering;
        boolean informational;
        boolean upstreamKeepAlive;
        boolean closeAfter;
        /** The citizen gets the answer's head only (304 Not Modified). */
        boolean discardBody;
        boolean ended;

        Exchange(HttpRequest request, Plan plan) {
            this.request = request;
            this.keepAlive = HttpUtil.isKeepAlive(request);
            this.http11 = request.protocolVersion().equals(HttpVersion.HTTP_1_1);
            use(plan);
            server.exchangeStarted(); // until end()
        }

        void use(Plan plan) {
            this.plan = plan;
            this.attempts = plan.attempts().iterator();
        }

        /** Sends the request to its next target, over a kept connection or a new one. */
        void next() {
            if (!attempts.hasNext()) {
                if (!plan.toApp()) {
                    badGateway();
                    return;
                }
                use(routes.toPlatform(request, peer(), platform));
            }
            target = attempts.next();
            Channel kept = idle.remove(target);
            if (kept != null && kept.isActive()) {
                attach(kept);
                return;
            }
            connect(target).addListener((ChannelFuture connected) -> {
                if (exchange != this) {
                    connected.channel().close(); // the citizen left meanwhile
                } else if (connected.isSuccess()) {
                    attach(connected.channel());
                } else {
                    next(); // refused or timed out: nothing was sent
                }
                updateReading();
            });
        }

        void attach(Channel channel) {
            upstream = channel;
            upstream.config().setAutoRead(citizen.isWritable());
            if (plan.toApp()) {
                plan.head().headers().set(HttpHeaderNames.HOST, target.getHostString() + ":" + target.getPort());
            }
            upstream.write(plan.head());
            if (plan.bodyless()) {
                upstream.write(LastHttpContent.EMPTY_LAST_CONTENT);
            } else {
                pending.forEach(upstream::write);
                pending.clear();
            }
            upstream.flush();
            if (requestComplete) {
                startAnswerClock();
            }
        }

        /** The app has the whole request: from now on it owes an answer. */
        private void startAnswerClock() {
            IdleStateHandler clock = upstream.pipeline().get(IdleStateHandler.class);
            if (clock != null) {
                clock.resetReadTimeout(); // a kept connection last read an earlier answer
            }
        }

        /**
         * The app has had the whole request and sent nothing for the answer timeout: the citizen
         * is told so rather than left waiting on an app that hangs. Only for apps: the platform's
         * own server streams the console's live updates, silent for minutes at a time.
         */
        void silent() {
            if (!requestComplete || !plan.toApp()) {
                return; // still sending a large body, which the app reads as it comes
            }
            log.warn("{} sent nothing for {} s while owing the answer to {} {}", target, answerTimeout.toSeconds(),
                    request.method(), request.uri());
            Channel hung = upstream;
            upstream = null; // its closing is not a failure to retry
            hung.close();
            if (answering) {
                cutShort();
            } else {
                end();
                answerAndClose(HttpResponseStatus.GATEWAY_TIMEOUT, "服务没有及时应答，请稍后再试。 / "
                        + "The service did not answer in time. Please try again later.");
            }
        }

        void body(HttpContent content) {
            if (content instanceof LastHttpContent) {
                requestComplete = true;
            }
            if (plan.bodyless()) {
                content.release();
            } else if (upstream != null) {
                upstream.write(content);
            } else {
                pending.add(content);
            }
            if (requestComplete && upstream != null) {
                startAnswerClock();
            }
        }

        /** The answer, passed on as it comes. */
        void answer(Object message) {
            boolean broken = message instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure();
            // A switch of protocols nobody asked for (no Upgrade header is passed on): what would
            // follow is no longer HTTP, and the decoder would hand it on as raw bytes.
            boolean switched = message instanceof HttpResponse response
                    && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
            if (broken || switched) {
                // Not an answer: the request is not sent again (the target did receive it).
                ReferenceCountUtil.release(message);
                upstream.close();
                upstream = null;
                if (answering) {
                    cutShort();
                } else {
                    badGateway();
                }
                return;
            }
            if (message instanceof HttpResponse response) {
                informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                if (informational && !http11) {
                    return; // HTTP/1.0 has no interim answers; its LastHttpContent follows, dropped too
                }
                HttpResponse out = routes.answer(plan, response);
                if (plan.toApp()) {
                    Optional<HttpResponse> notModified = routes.notModified(request, out);
                    discardBody = notModified.isPresent();
                    out = notModified.orElse(out);
                }
                if (informational) {
                    writeInterim(out);
                } else {
                    answering = true;
                    upstreamKeepAlive = HttpUtil.isKeepAlive(response);
                    if (plan.toApp()) {
                        routes.served(plan);
                    }
                    frame(out);
                    citizen.write(out);
                }
            }
            if (message instanceof HttpContent content) {
                if (informational) {
                    content.release(); // an interim answer has no body, only this end
                } else if (discardBody) {
                    content.release(); // read to the end all the same, so the connection can be kept
                    if (content instanceof LastHttpContent) {
                        finish(LastHttpContent.EMPTY_LAST_CONTENT);
                    }
                } else if (content instanceof LastHttpContent last) {
                    finish(last);
                } else {
                    citizen.write(content);
                }
            } else if (!(message instanceof HttpResponse)) {
                ReferenceCountUtil.release(message); // nothing else comes from the decoder; never kept
            }
        }

        /**
         * The answer's framing on the citizen's connection, which is this server's: chunked when
         * the length is unknown, or for an HTTP/1.0 citizen read up to the connection's end.
         */
        private void frame(HttpResponse out) {
            int status = out.status().code();
            boolean bodyless = request.method().equals(HttpMethod.HEAD) || status == 204 || status == 304;
            closeAfter = !keepAlive || server.draining();
            if (!bodyless && !out.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                if (http11) {
                    HttpUtil.setTransferEncodingChunked(out, true);
                } else {
                    closeAfter = true;
                }
            }
            if (closeAfter) {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            } else if (!http11) {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
        }

        private void finish(LastHttpContent last) {
            end();
            Channel used = upstream;
            upstream = null;
            if (upstreamKeepAlive && requestComplete && used.isActive()) {
                park(target, used);
            } else {
                used.close();
            }
            // The app's trailers are left behind: they would reach the browser without AppHeaders' rules.
            citizen.writeAndFlush(last.trailingHeaders().isEmpty() ? last : new DefaultLastHttpContent(last.content()));
            if (!requestComplete) {
                // Answered early (a refused upload, a redirect, a request refused before its body was
                // read): the client is still sending. Closing now would make its system reset the
                // connection and maybe lose the answer, and the answer did not say the connection
                // closes, so the client may send its next request on it as soon as the body is out.
                // The rest of the body is read and dropped instead, as the platform's Tomcat does;
                // a body that does not end in time closes the connection.
                discarding = this;
                citizen.eventLoop().schedule(() -> {
                    if (discarding == this) {
                        closeAfterWrites();
                    }
                }, LINGER_SECONDS, TimeUnit.SECONDS);
            } else if (closeAfter || server.draining()) {
                closeAfterWrites();
            } else {
                replayDeferred();
            }
            updateReading();
        }

        /** The upstream connection broke. */
        void failed() {
            upstream = null;
            if (answering) {
                log.info("{} broke off its answer to {}", target, request.uri());
                cutShort();
            } else if (plan.replayable()) {
                next();
            } else {
                badGateway();
            }
        }

        /** The citizen's request body could not be read: upstream never gets its end. */
        void broken() {
            requestComplete = true; // nothing more is read for it
            if (upstream != null) {
                upstream.close();
                upstream = null;
            }
            if (answering) {
                cutShort();
            } else {
                end();
                answerAndClose(HttpResponseStatus.BAD_REQUEST, "请求无效 / Bad request");
            }
        }

        /** An answer already under way cannot be finished: closing tells the citizen it is not whole. */
        private void cutShort() {
            citizen.close();
            end();
        }

        private void badGateway() {
            end();
            answerAndClose(HttpResponseStatus.BAD_GATEWAY, "平台暂时无法应答，请稍后再试。 / "
                    + "The platform could not answer. Please try again later.");
        }

        /** This exchange is over, whatever its end: once only. */
        void end() {
            if (ended) {
                return;
            }
            ended = true;
            if (exchange == this) {
                exchange = null;
            }
            pending.forEach(ReferenceCountUtil::release);
            pending.clear();
            server.exchangeEnded();
        }
    }

    /** The handler at the end of an upstream connection's pipeline. */
    private final class Upstream extends ChannelInboundHandlerAdapter {

        private final InetSocketAddress target;

        Upstream(InetSocketAddress target) {
            this.target = target;
        }

        private boolean inUse(Channel channel) {
            return exchange != null && exchange.upstream == channel;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (inUse(ctx.channel())) {
                exchange.answer(message);
            } else {
                ReferenceCountUtil.release(message); // nothing is expected between requests
                ctx.close();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (inUse(ctx.channel())) {
                citizen.flush();
                ctx.channel().config().setAutoRead(citizen.isWritable());
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (inUse(ctx.channel())) {
                updateReading();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            idle.remove(target, ctx.channel());
            if (inUse(ctx.channel())) {
                exchange.failed();
                updateReading();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (!(event instanceof IdleStateEvent idleEvent)) {
                return;
            }
            if (idle.get(target) == ctx.channel()) {
                ctx.close(); // kept for the citizen's next request, unused too long
            } else if (idleEvent.state() == IdleState.READER_IDLE && inUse(ctx.channel())) {
                exchange.silent();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // channelInactive follows
        }
    }
}
