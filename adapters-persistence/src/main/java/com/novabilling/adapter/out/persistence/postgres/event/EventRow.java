package com.novabilling.adapter.out.persistence.postgres.event;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One row of {@code events}: the event's JSON document as text, so its bytes never change. */
@MappedEntity("events")
public record EventRow(@EmbeddedId EventKey key, String type, Instant createdAt, String body) {
}
