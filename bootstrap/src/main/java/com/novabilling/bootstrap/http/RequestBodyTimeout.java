package com.novabilling.bootstrap.http;

import com.novabilling.adapter.in.rest.error.ErrorCode;
import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.error.Problems;
import com.novabilling.adapter.in.rest.error.RequestIds;
import com.novabilling.adapter.in.rest.protection.SecurityHeaders;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A request whose body has not fully arrived within {@code novabilling.read-timeout} ({@code NOVABILLING_READ_TIMEOUT},
 * default 30 s) of its headers gets 408 {@code request_timeout} and its connection is closed: a slow or stalled
 * upload holds no buffer, no thread and no connection for longer than that. Idle keep-alive connections are
 * Micronaut's {@code idle-timeout} ({@code NOVABILLING_IDLE_TIMEOUT}). One Netty handler per HTTP/1.1 connection,
 * right after the codec, sees each request's head and its last content.
 */
@Singleton
final class RequestBodyTimeout implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "novabilling-request-body-timeout";
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyTimeout.class);

    private final Duration timeout;
    private final JsonMapper json;

    RequestBodyTimeout(@Value("${novabilling.read-timeout:30s}") Duration timeout, JsonMapper json) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("NOVABILLING_READ_TIMEOUT must be positive");
        }
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Handler());
            }
        }
    }

    /** Starts a timer at a request's head, cancels it at its last content. */
    private final class Handler extends ChannelDuplexHandler {

        private ScheduledFuture<?> timer;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request && !(msg instanceof LastHttpContent)) {
                String requestId = RequestIds.accepted(request.headers().get(RequestIds.HEADER)).orElseGet(RequestIds::generate);
                String uri = request.uri();
                String path = uri.indexOf('?') < 0 ? uri : uri.substring(0, uri.indexOf('?'));
                cancel();
                timer = ctx.executor().schedule(() -> timeOut(ctx, requestId, path), timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (msg instanceof LastHttpContent) {
                cancel();
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            cancel();
            super.channelInactive(ctx);
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void timeOut(ChannelHandlerContext ctx, String requestId, String path) {
            timer = null;
            if (!ctx.channel().isActive()) {
                return;
            }
            LOG.info("Request body not received within {} ms (request id {}); answered 408 and closed the connection",
                    timeout.toMillis(), requestId);
            Problem problem = Problems.problem(ErrorCode.REQUEST_TIMEOUT,
                    "The request body did not arrive within " + timeout.toSeconds() + " seconds.", requestId);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.wrappedBuffer(bytes(problem)));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problems.APPLICATION_PROBLEM_JSON);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            response.headers().set(RequestIds.HEADER, requestId);
            SecurityHeaders.apply(path, (name, value) -> response.headers().set(name, value));
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private byte[] bytes(Problem problem) {
            try {
                return json.writeValueAsBytes(problem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
