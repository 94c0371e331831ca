package com.novabilling.bootstrap.lifecycle;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's listening sockets and how many client connections are open, seen through Micronaut's Netty
 * customizer hooks: {@link GracefulShutdown} stops accepting by closing the listeners only, then lets the open
 * connections send their next request (answered with {@code Connection: close}) before Netty closes the idle rest,
 * so a client is never cut between sending a request and reading its answer.
 */
@Singleton
final class HttpConnections implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final Set<Channel> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                if (role == ChannelRole.LISTENER) {
                    listeners.add(channel);
                    channel.closeFuture().addListener(f -> listeners.remove(channel));
                } else if (role == ChannelRole.CONNECTION) {
                    open.incrementAndGet();
                    channel.closeFuture().addListener(f -> open.decrementAndGet());
                }
                return this;
            }
        });
        return event.getBean();
    }

    /** Closes the listening sockets: new connections are refused, open ones go on. */
    void stopAccepting() {
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
    }

    int openConnections() {
        return open.get();
    }
}
