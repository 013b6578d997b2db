#!/usr/bin/env python3
"""Long-poll wake-up latency: a poller waits on a queue (wait=20); the main thread submits a case that the
queue takes; the latency is from the submission's 202 to the poller holding the message.

    longpoll.py PORT KEY QUEUE BODY_FILE SAMPLES
Prints bench=caseway lines for p50 and p99 in microseconds. Binds nothing; talks to 127.0.0.1 only."""
import http.client, json, sys, threading, time

port, key, queue, body_file, samples = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
body = open(body_file, "rb").read()
auth = {"Authorization": "Bearer " + key}
received_at = []
ready = threading.Event()
got = threading.Event()

def poller():
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for _ in range(samples):
        ready.set()
        conn.request("GET", f"/v1/queues/{queue}/messages?max=1&wait=20&visibility=60", headers=auth)
        answer = conn.getresponse()
        data = answer.read()
        stamp = time.perf_counter()
        messages = json.loads(data).get("messages", [])
        if not messages:
            continue
        receipt = messages[0]["receipt"]
        received_at.append(stamp)
        got.set()
        conn.request("POST", f"/v1/queues/{queue}/messages/{receipt}/ack", headers=auth)
        conn.getresponse().read()

thread = threading.Thread(target=poller, daemon=True)
thread.start()
submitter = http.client.HTTPConnection("127.0.0.1", port)
latencies = []
for _ in range(samples):
    ready.wait(); ready.clear(); got.clear()
    time.sleep(0.02)  # the poller is inside its long poll by now
    submitter.request("POST", "/v1/cases", body=body, headers={**auth, "Content-Type": "application/json"})
    answer = submitter.getresponse(); answer.read()
    accepted = time.perf_counter()
    if answer.status != 202:
        sys.exit(f"longpoll.py: submission answered {answer.status}")
    if not got.wait(25):
        sys.exit("longpoll.py: the poller did not receive the case")
    latencies.append(max(0.0, received_at[-1] - accepted))
latencies.sort()
def pct(p): return int(latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1e6)
print(f"bench=caseway case=longpoll_wakeup_p50 value={pct(0.50)} unit=us", flush=True)
print(f"bench=caseway case=longpoll_wakeup_p99 value={pct(0.99)} unit=us", flush=True)
