#!/usr/bin/env python3
"""Concurrent clients against a running NovaBilling, for deploy and failover checks (standard library only).

    scripts/resilience-check.py --base http://localhost:3000 --key sk_live_... [--clients 20] [--duration 30]

Each client loops: create a customer with its own Idempotency-Key (retried with the same key and body on 503,
409 idempotency_key_in_use, 429 after its Retry-After, or no answer, until answered), then read it back. All
clients share one key: on a fast machine they pass its rate limit (100/s by default); raise it for the run
(NOVABILLING_RATE_LIMIT_PER_SECOND / _BURST) to load the service rather than the limiter. Meanwhile, do what you test:
SIGTERM the service (and start it again), `pg_ctl restart -m fast`, `pg_ctl stop -m immediate` + start.
After --duration the clients finish the creates they are retrying (for at most --settle seconds), then every
key is checked through the API: exactly one customer per key, and every acknowledged customer readable.
Prints a JSON summary; exits 1 when a check fails (a 500, a 503 without Retry-After, a request sent and left
without an answer, a key with zero or two customers).
"""
import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--base", default="http://localhost:3000")
parser.add_argument("--key", required=True, help="an API key with customers:read and customers:write")
parser.add_argument("--clients", type=int, default=20)
parser.add_argument("--duration", type=float, default=30.0)
parser.add_argument("--settle", type=float, default=90.0, help="how long unfinished creates keep retrying")
args = parser.parse_args()

url = urllib.parse.urlparse(args.base)
run_id = uuid.uuid4().hex[:8]
lock = threading.Lock()
calls = []          # (t_end, method, status or None, sent, retry_after, note)
acknowledged = {}   # idempotency key -> customer id
attempted = []
stop_at = time.monotonic() + args.duration
give_up_at = stop_at + args.settle
start = time.monotonic()


class Connection:
    """One keep-alive HTTP/1.1 connection per client, reopened after a close, like an SDK's pool."""

    def __init__(self):
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        headers["Authorization"] = "Bearer " + args.key
        if body is not None:
            headers["Content-Type"] = "application/json"
        sent = False
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
                self.conn.connect()
            self.conn.request(method, path, body=body, headers=headers)
            sent = True
            response = self.conn.getresponse()
            data = response.read()
            if (response.getheader("Connection") or "").lower() == "close":
                self.close()
            return response.status, response.getheader("Retry-After"), data, sent, None
        except ConnectionRefusedError as e:
            self.close()
            return None, None, b"", False, "refused"
        except (http.client.HTTPException, OSError) as e:
            self.close()
            return None, None, b"", sent, type(e).__name__ + ": " + str(e)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def record(method, status, sent, retry_after, note):
    with lock:
        calls.append((time.monotonic() - start, method, status, sent, retry_after, note))


def client():
    conn = Connection()
    while time.monotonic() < stop_at:
        key = "rc-%s-%s" % (run_id, uuid.uuid4().hex[:12])
        body = json.dumps({"email": key + "@resilience.test", "name": "Resilience " + key, "externalId": key})
        with lock:
            attempted.append(key)
        customer_id = None
        while customer_id is None and time.monotonic() < give_up_at:
            status, retry_after, data, sent, note = conn.request(
                "POST", "/api/customers", body, {"Idempotency-Key": key})
            record("POST", status, sent, retry_after, note)
            if status in (200, 201):
                customer_id = json.loads(data)["id"]
                with lock:
                    acknowledged[key] = customer_id
            elif status == 429:
                time.sleep(min(float(retry_after or 1), 5.0))   # the key's rate limit: wait as told, same key
            elif status is None or status == 503 or status == 409:
                time.sleep(0.2)
            else:
                record("POST", status, True, retry_after, "unexpected: " + data[:200].decode("utf-8", "replace"))
                break
        if customer_id is not None:
            status, retry_after, data, sent, note = conn.request("GET", "/api/customers/" + customer_id)
            record("GET", status, sent, retry_after, note)
    conn.close()


threads = [threading.Thread(target=client) for _ in range(args.clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()

failures = []
by_status = {}
for t_end, method, status, sent, retry_after, note in calls:
    name = str(status) if status is not None else ("refused" if not sent else ("no answer" if sent else "?"))
    by_status[name] = by_status.get(name, 0) + 1
    if status is not None and status >= 500 and status != 503:
        failures.append("%s answered %s at %.1fs" % (method, status, t_end))
    if status == 503 and not retry_after:
        failures.append("503 without Retry-After at %.1fs" % t_end)
    if status is None and sent:
        failures.append("%s sent and left without an answer at %.1fs: %s" % (method, t_end, note))

# 429 is the key's rate limit pacing the clients, not a failure of the service
last_failure = max([c[0] for c in calls if c[2] not in (200, 201, 429)] or [0.0])
verify = Connection()
unfinished = [k for k in attempted if k not in acknowledged]
counts = {"exactly one": 0}
for key in attempted:
    status, retry_after, data, _, note = verify.request("GET", "/api/customers?externalId=" + urllib.parse.quote(key))
    while status == 429:   # the check itself reads faster than the key's rate limit: wait as told
        time.sleep(min(float(retry_after or 1), 5.0))
        status, retry_after, data, _, note = verify.request("GET", "/api/customers?externalId=" + urllib.parse.quote(key))
    if status != 200:
        failures.append("could not verify key %s: %s %s" % (key, status, note))
        continue
    found = json.loads(data)["data"]
    if key in acknowledged:
        if len(found) != 1 or found[0]["id"] != acknowledged[key]:
            failures.append("key %s: %d customers, acknowledged %s" % (key, len(found), acknowledged[key]))
        else:
            counts["exactly one"] += 1
    elif len(found) > 1:
        failures.append("unfinished key %s has %d customers" % (key, len(found)))

summary = {
    "clients": args.clients, "duration_s": args.duration, "calls": len(calls), "by_status": by_status,
    "creates_acknowledged": len(acknowledged), "creates_unfinished": len(unfinished),
    "keys_with_exactly_one_customer": counts["exactly one"],
    "last_non_2xx_at_s": round(last_failure, 1),
    "non_2xx_per_second": {str(int(c[0])): sum(1 for d in calls if int(d[0]) == int(c[0]) and d[2] not in (200, 201))
                           for c in calls if c[2] not in (200, 201)}, "failures": failures[:50], "failure_count": len(failures),
}
print(json.dumps(summary, indent=2))
sys.exit(1 if failures else 0)
