package org.civictaskforce.gateway.problem;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;

/**
 * Requests refused before a route sees them are answered as RFC 9457 problems too, not with an empty body:
 * what Spring Security's firewall refuses ({@code %00}, an encoded slash, …) and what Reactor Netty cannot
 * decode (a request line or headers too long, a malformed request).
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequestProblems {

    /** The firewall's refusals (Spring Security picks this bean up for its filter chain). */
    @Bean
    ServerExchangeRejectedHandler problemForRejectedExchanges(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, Problem.of(HttpStatus.BAD_REQUEST,
                "The request's address has characters or an encoding the gateway does not accept."));
    }

    /** Decoding failures, answered in the connection's pipeline right after Netty's HTTP codec. */
    @Bean
    NettyServerCustomizer problemForUndecodableRequests() {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "civic.undecodableRequests",
                        new UndecodableRequests());
            }
        });
    }

    @ChannelHandler.Sharable
    static final class UndecodableRequests extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                ReferenceCountUtil.release(msg);
                HttpStatus status = cause instanceof TooLongHttpLineException ? HttpStatus.URI_TOO_LONG
                        : cause instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                        : cause instanceof TooLongFrameException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                        : HttpStatus.BAD_REQUEST;
                ctx.writeAndFlush(problem(status)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg); // the rest of a request already answered
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private static FullHttpResponse problem(HttpStatus status) {
            Problem problem = Problem.of(status, switch (status) {
                case URI_TOO_LONG -> "The request's address is too long.";
                case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large.";
                default -> "The request could not be read.";
            });
            byte[] json = ("{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                    + status.value() + ",\"detail\":\"" + problem.detail() + "\"}").getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(json));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .set(HttpHeaderNames.CONTENT_LENGTH, json.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set("X-Content-Type-Options", "nosniff")
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            return response;
        }
    }
}
