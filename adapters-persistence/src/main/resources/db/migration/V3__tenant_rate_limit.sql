-- A tenant's own rate limit per API key (token bucket: sustained requests a second, burst); both NULL: the
-- service's default (NOVABILLING_RATE_LIMIT_PER_SECOND / NOVABILLING_RATE_LIMIT_BURST) applies.
ALTER TABLE tenants
    ADD COLUMN rate_limit_per_second integer CHECK (rate_limit_per_second BETWEEN 1 AND 100000),
    ADD COLUMN rate_limit_burst      integer CHECK (rate_limit_burst BETWEEN 1 AND 1000000),
    ADD CONSTRAINT tenants_rate_limit_both CHECK ((rate_limit_per_second IS NULL) = (rate_limit_burst IS NULL));
