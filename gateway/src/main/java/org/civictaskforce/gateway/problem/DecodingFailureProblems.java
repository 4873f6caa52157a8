package org.civictaskforce.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.civictaskforce.gateway.correlation.CorrelationId;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Requests Reactor Netty cannot decode (a request line or header over the limits, a malformed
 * request) never reach Spring: Reactor Netty answers them itself with an empty 414, 431 or 400. A
 * channel handler just before Reactor Netty's own sees the failed decoding first and answers the same
 * status as a problem, then closes the connection (the decoder discards the rest of it anyway).
 */
@Component
public class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String HANDLER = "civic.decodingFailureProblems";

    private final JsonMapper jsonMapper;

    public DecodingFailureProblems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(HANDLER) == null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, new Handler());
            }
        });
    }

    static HttpStatus statusFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpStatus.URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpStatus.BAD_REQUEST;
    }

    static String detailFor(HttpStatus status) {
        return switch (status) {
            case URI_TOO_LONG -> "The request's URI is longer than the gateway accepts.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are larger than the gateway accepts.";
            default -> "The request is malformed.";
        };
    }

    byte[] json(Problem problem, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("correlationId", correlationId);
        return jsonMapper.writeValueAsBytes(body);
    }

    private final class Handler extends ChannelInboundHandlerAdapter {

        private boolean answered;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (answered) {
                ReferenceCountUtil.release(msg); // whatever the failed decoder still passes on
                return;
            }
            if (msg instanceof DecoderResultProvider provider && provider.decoderResult().isFailure()) {
                answered = true;
                DecoderResult result = provider.decoderResult();
                ReferenceCountUtil.release(msg);
                HttpStatus status = statusFor(result.cause());
                String correlationId = CorrelationId.generate();
                byte[] body = json(Problem.of(status, detailFor(status)), correlationId);
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                        .set(CorrelationId.HEADER, correlationId);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
