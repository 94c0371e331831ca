#!/usr/bin/env python3
"""JVM CPU per request by component, the app against the stack's floor (benchmarks/profile.sh).

    profile_compare.py APP.collapsed APP_MS FLOOR.collapsed FLOOR_MS

Each input is async-profiler's collapsed output (-t: the thread is the first frame) of one measured run, and the
JVM's CPU per request in that run (ms). A sample goes to the component of the deepest frame, from the leaf up,
that belongs to a library or to our adapters: JDK, kernel, VM and domain frames are skipped, so they count for
whoever called them (a value object's checks count for the row mapping that made it). The compiler and VM
threads are components of their own. Prints a Markdown table: ms per request, app, floor and the difference.
"""
import collections
import re
import sys

COMPONENTS = [
    ('access log line (Logback)', r'ch/qos/logback|org/slf4j|AccessLogFilter'),
    ('JSON of the response (serde, Jackson generator, the writers)',
     r'com/fasterxml/jackson/core/json/UTF8JsonGenerator|CustomerJson|JacksonJsonMapper|io/micronaut/serde'
     r'|CustomerResponse|/Timestamps|floor/CheapestController\$(Row|Page)'),
    ('our filters: authentication, rate limit, request id, headers, CORS, draining',
     r'com/novabilling/adapter/in/rest/(access|protection|error)|com/novabilling/bootstrap'
     r'|com/novabilling/application/port/in/access|AuthenticateApiKey'),
    ('rows to domain objects (mapping, value checks, metadata)',
     r'CustomerMapper|PostgresCustomerReadModel\.(view|row)|MetadataJson|com/fasterxml/jackson/core/json/ReaderBased'
     r'|SqlTimes|CustomerRow|CustomerView'),
    ('pgjdbc (send, wait, read, decode) and the SQL text',
     r'org/postgresql|PostgresCustomerReadModel|SearchWords|CustomerListSql|HikariProxy'),
    ('HikariCP, Micronaut Data connections', r'com/zaxxer|io/micronaut/data|io/micronaut/transaction'),
    ('hand-off to the blocking pool and back',
     r'ThreadPoolExecutor|InstrumentedExecutor|SynchronousQueue|io/micrometer/core/instrument/Timer|PropagatedContext'
     r'|LockSupport'),
    ('metrics (Micrometer)', r'io/micrometer'),
    ('Netty (HTTP codec, pipeline, socket I/O with the client)', r'io/netty'),
    ('Micronaut HTTP (routing, binding, the filter chain), Reactor', r'io/micronaut|reactor/'),
    ('controller and service (ours) / the floor controller', r'com/novabilling|floor/'),
]
THREADS = [
    ('JIT compilers', r'^\[C[12] Compiler'),
    ('GC and VM threads', r'^\[(VM Thread|GC|VM Periodic)'),
]
OTHER = 'other (JDK, kernel, VM)'
SKIP = re.compile(r'^(java/|javax/|jdk/|sun/|com/sun/|\[|com/novabilling/domain/|Interpreter|__|pvm_|entry_)'
                  r'|_\[k\]$|\.so|stub$|Lambda|^[a-z_0-9]+$')


def component(frames):
    for name, pattern in THREADS:
        if re.search(pattern, frames[0]):
            return name
    for frame in reversed(frames[1:]):
        if SKIP.search(frame):
            continue
        for name, pattern in COMPONENTS:
            if re.search(pattern, frame):
                return name
    return OTHER


def per_request(path, ms):
    total = 0
    counts = collections.Counter()
    with open(path) as f:
        for line in f:
            stack, n = line.rsplit(' ', 1)
            total += int(n)
            counts[component(stack.split(';'))] += int(n)
    return {k: v / total * ms for k, v in counts.items()}


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    app = per_request(sys.argv[1], float(sys.argv[2]))
    floor = per_request(sys.argv[3], float(sys.argv[4]))
    print('| component | app ms/request | floor ms/request | app - floor |')
    print('|---|---:|---:|---:|')
    for name in [c[0] for c in COMPONENTS] + [t[0] for t in THREADS] + [OTHER]:
        a, b = app.get(name, 0.0), floor.get(name, 0.0)
        if a >= 0.0005 or b >= 0.0005:
            print(f'| {name} | {a:.3f} | {b:.3f} | {a - b:+.3f} |')
    print(f'| total | {sum(app.values()):.3f} | {sum(floor.values()):.3f} | {sum(app.values()) - sum(floor.values()):+.3f} |')


if __name__ == '__main__':
    main()
