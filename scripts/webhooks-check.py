#!/usr/bin/env python3
"""Issue 14's "Done when", from outside, against the built jar (standard library only).

    mvn -B -q -DskipTests package && scripts/webhooks-check.py [--jar bootstrap/target/novabilling.jar]

Starts the jar on a fresh embedded database (its own data directory under /tmp, ports 3101 and 3102 unless
--app-port/--receiver-port), with NOVABILLING_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true, and a local receiver that
verifies every signature with the endpoint's secret. Checks, and prints as JSON:
1. an endpoint created through the API receives customer.created, customer.updated and customer.deleted for a
   create, a PATCH and a DELETE within 5 s, each signed (t=...,v1=HMAC-SHA256) and carrying its event id and type;
   GET /api/events lists them, and the API's event equals the delivered bytes;
2. a receiver that answers 500 to the first attempt gets the same event again (the first retry comes after
   about a minute);
3. with the receiver down, a create, then the service killed (SIGKILL) and started again: the pending event is
   delivered by the new process;
4. started with the flag off: cloud-metadata and loopback URLs are refused with 400.
Exits 1 when a check fails. Takes about three minutes.
"""
import argparse
import atexit, hashlib, hmac, http.server, json, os, re, signal, subprocess, sys, tempfile, threading, time, urllib.request, urllib.error

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--jar", default="bootstrap/target/novabilling.jar")
parser.add_argument("--app-port", type=int, default=3101)
parser.add_argument("--receiver-port", type=int, default=3102)
args = parser.parse_args()

JAR = args.jar
APP, RECV = args.app_port, args.receiver_port
WORK = tempfile.mkdtemp(prefix="novabilling-webhooks-")
DATA = os.path.join(WORK, "data")
BASE = f"http://127.0.0.1:{APP}"
received = []          # (monotonic time, headers dict, body bytes, answered status)
fail_first = set()     # event types whose first attempt gets 500
seen_ids = {}
lock = threading.Lock()
PROCS = []             # every service started, killed on the way out whatever happens
atexit.register(lambda: [p.kill() for p in PROCS if p.poll() is None])

class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        ev = json.loads(body)
        with lock:
            n = seen_ids.get(ev["id"], 0) + 1
            seen_ids[ev["id"]] = n
            status = 500 if (ev["type"] in fail_first and n == 1) else 200
            received.append((time.monotonic(), dict(self.headers), body, status))
        self.send_response(status); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass

def start_receiver():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", RECV), Receiver)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv

def call(method, path, key, body=None):
    req = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")

def start_app(allow_private=True, key=None):
    env = dict(os.environ, MICRONAUT_SERVER_PORT=str(APP), NOVABILLING_DATA_DIR=DATA,
               NOVABILLING_WEBHOOKS_ALLOW_PRIVATE_NETWORKS="true" if allow_private else "false")
    log = open(os.path.join(WORK, f"app-{time.time_ns()}.log"), "w")
    p = subprocess.Popen(["java", "-jar", JAR], env=env, stdout=log, stderr=subprocess.STDOUT)
    PROCS.append(p)
    for _ in range(600):
        try:
            with urllib.request.urlopen(BASE + "/health/readiness", timeout=1) as r:
                if r.status == 200: break
        except Exception: time.sleep(0.2)
    else: raise SystemExit("the service did not start; its log: " + log.name)
    return p, log.name

def verify(headers, body, secret):
    sig = headers["NovaBilling-Signature"]
    t = re.search(r"t=(\d+)", sig).group(1); v1 = re.search(r"v1=([0-9a-f]+)", sig).group(1)
    expect = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    assert abs(int(t) - time.time()) < 300, "timestamp"
    return hmac.compare_digest(expect, v1)

def wait_for(pred, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with lock:
            r = pred()
        if r: return r
        time.sleep(0.1)
    return None

results = {}
recv = start_receiver()
app, logname = start_app()
key = re.search(r"(sk_live_[A-Za-z0-9]+)", open(logname).read()).group(1)
st, ep = call("POST", "/api/webhook-endpoints", key, {"url": f"http://127.0.0.1:{RECV}/hook", "events": ["*"]})
assert st == 201 and ep["secret"].startswith("whsec_"), (st, ep)
secret = ep["secret"]
# 1. create, patch, delete within 5 s, signatures verify
t0 = time.monotonic()
st, c = call("POST", "/api/customers", key, {"externalId": "whc-1", "email": "whc@example.ug", "name": "Webhook Check", "country": "UG", "currency": "UGX"})
assert st == 201, (st, c)
st, u = call("PATCH", f"/api/customers/{c['id']}", key, {"name": "Webhook Check B"}); assert st == 200, (st, u)
st, d = call("DELETE", f"/api/customers/{c['id']}", key); assert st == 200, (st, d)
def three():
    got = {}
    for (t, h, b, s) in received:
        e = json.loads(b)
        if e["data"]["object"]["id"] == c["id"]: got[e["type"]] = (t, h, b, e)
    return got if len(got) == 3 else None
got = wait_for(three, 5)
assert got, "three events within 5 s: " + str(len(received))
for typ, (t, h, b, e) in sorted(got.items()):
    results[typ] = {"after_s": round(t - t0, 2), "signature_ok": verify(h, b, secret),
                    "event_id_header": h["NovaBilling-Event-Id"] == e["id"], "type_header": h["NovaBilling-Event-Type"] == typ}
results["previousAttributes"] = got["customer.updated"][3]["data"].get("previousAttributes")
st, evs = call("GET", "/api/events?limit=10", key)
results["events_api"] = [e["type"] for e in evs["data"] if e["data"]["object"]["id"] == c["id"]]
st, one = call("GET", "/api/events/" + got["customer.created"][3]["id"], key)
results["events_api_one_equals_delivered"] = one == json.loads(got["customer.created"][2])
# 2. receiver fails the first attempt -> gets it again
fail_first.add("customer.created")
with lock: received.clear(); seen_ids.clear()
st, c2 = call("POST", "/api/customers", key, {"email": "whc-b@example.ug", "name": "Retry Me", "currency": "UGX"})
t1 = time.monotonic()
def twice():
    hits = [r for r in received if json.loads(r[2])["data"]["object"]["id"] == c2["id"]]
    return hits if len(hits) >= 2 else None
hits = wait_for(twice, 150)
results["retry"] = None if not hits else {"first_status": hits[0][3], "second_status": hits[1][3],
    "second_after_s": round(hits[1][0] - t1, 1), "same_event_id": hits[0][1]["NovaBilling-Event-Id"] == hits[1][1]["NovaBilling-Event-Id"],
    "second_signature_ok": verify(hits[1][1], hits[1][2], secret)}
fail_first.clear()
# 3. killed with events pending: receiver down, create, kill -9, receiver up, start
recv.shutdown(); recv.server_close()
st, c3 = call("POST", "/api/customers", key, {"email": "whc-c@example.ug", "name": "Pending At Kill", "currency": "UGX"})
time.sleep(1.0)
app.send_signal(signal.SIGKILL); app.wait()
with lock: received.clear(); seen_ids.clear()
recv = start_receiver()
app, _ = start_app()
t2 = time.monotonic()
def pending():
    return [r for r in received if json.loads(r[2])["data"]["object"]["id"] == c3["id"]] or None
hits = wait_for(pending, 150)
results["after_kill"] = None if not hits else {"delivered_after_restart_s": round(hits[0][0] - t2, 1), "status": hits[0][3],
                                               "signature_ok": verify(hits[0][1], hits[0][2], secret)}
app.send_signal(signal.SIGTERM); app.wait()
# 4. flag off: private targets refused with 400
app, _ = start_app(allow_private=False)
refused = {}
for url in ["http://169.254.169.254/", f"http://127.0.0.1:{RECV}/hook", "https://169.254.169.254/latest/meta-data/", "https://127.0.0.1/"]:
    st, body = call("POST", "/api/webhook-endpoints", key, {"url": url, "events": ["*"]})
    refused[url] = (st, body.get("code"), [e.get("field") for e in body.get("errors", [])])
results["flag_off"] = refused
app.send_signal(signal.SIGTERM); app.wait()
print(json.dumps(results, indent=1))
ok = (all(results[t]["signature_ok"] and results[t]["after_s"] <= 5 for t in ("customer.created", "customer.updated", "customer.deleted"))
      and results["events_api_one_equals_delivered"]
      and results["retry"] is not None and results["retry"]["same_event_id"] and results["retry"]["second_signature_ok"]
      and results["after_kill"] is not None and results["after_kill"]["signature_ok"]
      and all(status == 400 for status, _, _ in results["flag_off"].values()))
print("all checks passed" if ok else "A CHECK FAILED", file=sys.stderr)
sys.exit(0 if ok else 1)
