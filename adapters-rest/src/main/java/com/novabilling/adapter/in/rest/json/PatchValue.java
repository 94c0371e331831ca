package com.novabilling.adapter.in.rest.json;

import java.util.Objects;

/**
 * A field of a partial update (PATCH, JSON merge patch) as sent: {@linkplain #absent() absent} (leave it as it
 * is), JSON {@code null} ({@linkplain #isNull() clear it}, where the field may be cleared) or a value. A plain
 * nullable field cannot tell the first two apart. Read by {@link PatchValueDeserializer}; constraints on a
 * {@code PatchValue} apply to its value ({@link PatchValueExtractor}).
 *
 * @param <T> the field's type when it holds a value
 */
public final class PatchValue<T> {

    private static final PatchValue<?> ABSENT = new PatchValue<>(false, null);
    private static final PatchValue<?> NULL = new PatchValue<>(true, null);

    private final boolean present;
    private final T value;

    private PatchValue(boolean present, T value) {
        this.present = present;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> PatchValue<T> absent() {
        return (PatchValue<T>) ABSENT;
    }

    @SuppressWarnings("unchecked")
    public static <T> PatchValue<T> ofNull() {
        return (PatchValue<T>) NULL;
    }

    /** A value, or JSON {@code null} when {@code value} is {@code null}. */
    public static <T> PatchValue<T> of(T value) {
        return value == null ? ofNull() : new PatchValue<>(true, value);
    }

    public boolean isAbsent() {
        return !present;
    }

    /** Sent as JSON {@code null}. */
    public boolean isNull() {
        return present && value == null;
    }

    /** The value; {@code null} when absent or sent as JSON {@code null}. */
    public T value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PatchValue<?> that && present == that.present && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(present, value);
    }

    @Override
    public String toString() {
        return isAbsent() ? "absent" : String.valueOf(value);
    }
}
