package com.novabilling.bootstrap.webhook;

import com.novabilling.application.port.in.event.PurgeEventsUseCase;
import com.novabilling.application.port.in.webhook.DeliverWebhooksUseCase;
import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.domain.webhook.WebhookEndpointId;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook dispatcher of this instance: every {@code poll-interval} (250 ms) it claims due deliveries from
 * the database (every instance does; {@code FOR UPDATE SKIP LOCKED} shares them out) and attempts them on its
 * own threads, never on a request's: an API write only appends rows. Each endpoint has a lane of at most
 * {@code per-endpoint-concurrency} attempts at a time, so one slow endpoint (10 s per attempt) holds at most that
 * many of the {@code concurrency} senders; endpoints whose lane is full are not claimed for.
 *
 * <p>Stopping ({@link #stop}, from the context's shutdown): no new claims; claimed deliveries still waiting in a
 * lane are given back at once; attempts in flight get up to 15 s to finish and be recorded. Anything not recorded
 * stays pending in the database and its claim lapses after {@code claim-lease}, so a later start (or another
 * instance) delivers it: at-least-once. Also purges events past their retention, every {@code purge-interval}.
 */
@Singleton
public final class WebhookDispatcher implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int PURGE_BATCH = 1000;

    private final DeliverWebhooksUseCase deliveries;
    private final PurgeEventsUseCase purge;
    private final Duration pollInterval;
    private final Duration purgeInterval;
    private final int concurrency;
    private final int perEndpoint;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService senders;
    private final Map<WebhookEndpointId, Lane> lanes = new HashMap<>();
    private final WebhookStats stats;
    private volatile boolean started;
    private volatile boolean stopping;
    private boolean storeFailing;

    private static final class Lane {
        int inFlight;
        final Deque<DueDelivery> waiting = new ArrayDeque<>();
    }

    WebhookDispatcher(DeliverWebhooksUseCase deliveries, PurgeEventsUseCase purge, WebhookStats stats,
                      @Value("${novabilling.webhooks.poll-interval:250ms}") Duration pollInterval,
                      @Value("${novabilling.webhooks.purge-interval:1h}") Duration purgeInterval,
                      @Value("${novabilling.webhooks.concurrency:16}") int concurrency,
                      @Value("${novabilling.webhooks.per-endpoint-concurrency:4}") int perEndpoint) {
        if (pollInterval.isNegative() || pollInterval.isZero() || purgeInterval.isNegative() || purgeInterval.isZero()
                || concurrency < 1 || perEndpoint < 1) {
            throw new IllegalArgumentException("NOVABILLING_WEBHOOKS_POLL_INTERVAL (" + pollInterval
                    + ") and the purge interval (" + purgeInterval + ") must be positive, NOVABILLING_WEBHOOKS_CONCURRENCY ("
                    + concurrency + ") and NOVABILLING_WEBHOOKS_PER_ENDPOINT_CONCURRENCY (" + perEndpoint
                    + ") at least 1");
        }
        this.deliveries = deliveries;
        this.purge = purge;
        this.stats = stats;
        this.pollInterval = pollInterval;
        this.purgeInterval = purgeInterval;
        this.concurrency = concurrency;
        this.perEndpoint = perEndpoint;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-dispatcher"));
        this.senders = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "webhook-sender-" + n.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts once the server listens (a start that fails earlier claims nothing). */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    synchronized void start() {
        if (started || stopping) {
            return;
        }
        started = true;
        // the first poll one interval after the server listens, not at once: it would compete with the end of
        // the start (the first probes) for the CPU, and a delivery due from before the restart waits 250 ms more
        scheduler.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::purgeExpired, Math.min(60_000, purgeInterval.toMillis()),
                purgeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            int room;
            List<WebhookEndpointId> saturated = new ArrayList<>();
            synchronized (this) {
                if (stopping) {
                    return;
                }
                int queued = 0;
                for (Map.Entry<WebhookEndpointId, Lane> lane : lanes.entrySet()) {
                    int load = lane.getValue().inFlight + lane.getValue().waiting.size();
                    queued += load;
                    if (load >= perEndpoint) {
                        saturated.add(lane.getKey());
                    }
                }
                room = Math.min(concurrency, 2 * concurrency - queued);
            }
            if (room <= 0) {
                return;
            }
            List<DueDelivery> claimed = deliveries.claim(room, saturated);
            if (storeFailing) {
                LOG.info("Webhook dispatcher reaches the database again");
                storeFailing = false;
            }
            claimed.forEach(this::schedule);
        } catch (RuntimeException e) {
            if (!storeFailing) {
                LOG.warn("Webhook dispatcher cannot claim deliveries (retrying every {} ms): {}", pollInterval.toMillis(),
                        e.toString());
                storeFailing = true;
            }
        }
    }

    private void schedule(DueDelivery delivery) {
        boolean run;
        synchronized (this) {
            if (stopping) {
                deliveries.release(List.of(delivery));
                return;
            }
            Lane lane = lanes.computeIfAbsent(delivery.endpointId(), id -> new Lane());
            run = lane.inFlight < perEndpoint;
            if (run) {
                lane.inFlight++;
            } else {
                lane.waiting.add(delivery);
            }
        }
        if (run) {
            senders.execute(() -> attempt(delivery));
        }
    }

    private void attempt(DueDelivery delivery) {
        DueDelivery next = delivery;
        while (next != null) {
            DueDelivery current = next;
            try {
                deliveries.attempt(current).ifPresent(attempt -> stats.record(attempt, current));
            } catch (RuntimeException e) {
                // not recorded: the claim lapses and the delivery is attempted again
                LOG.warn("Webhook delivery {} of event {} could not be attempted: {}", current.id(), current.eventId(),
                        e.toString());
            }
            synchronized (this) {
                Lane lane = lanes.get(current.endpointId());
                next = stopping || lane.waiting.isEmpty() ? null : lane.waiting.poll();
                if (next == null) {
                    lane.inFlight--;
                    if (lane.inFlight == 0 && lane.waiting.isEmpty()) {
                        lanes.remove(current.endpointId());
                    }
                }
            }
        }
    }

    private void purgeExpired() {
        try {
            int purged;
            int total = 0;
            do {
                purged = purge.purgeExpired(PURGE_BATCH);
                total += purged;
            } while (purged == PURGE_BATCH && !stopping);
            if (total > 0) {
                LOG.info("Purged {} events past their retention", total);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging expired events failed (next try in {}): {}", purgeInterval, e.toString());
        }
    }

    /** Stops claiming, gives back what waits, lets attempts in flight finish (up to 15 s). */
    @PreDestroy
    public void stop() {
        List<DueDelivery> waiting = new ArrayList<>();
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            lanes.values().forEach(lane -> {
                waiting.addAll(lane.waiting);
                lane.waiting.clear();
            });
        }
        scheduler.shutdownNow();
        senders.shutdown();
        try {
            if (!waiting.isEmpty()) {
                deliveries.release(waiting);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not give back {} claimed webhook deliveries (their claims lapse): {}", waiting.size(),
                    e.toString());
        }
        try {
            if (!senders.awaitTermination(15, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
